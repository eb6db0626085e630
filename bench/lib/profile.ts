/**
 * Summarises a V8 .cpuprofile (node --cpu-prof): self time by function, time by package,
 * and inclusive time of the functions in lib/collab, optionally restricted to a time
 * window (µs on the monotonic clock, the same clock as process.hrtime()).
 *
 *   tsx bench/lib/profile.ts <file.cpuprofile> [fromUs toUs]
 */
import { readFileSync } from "node:fs";
import { fmt, table } from "./stats";

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; startTime: number; endTime: number; samples: number[]; timeDeltas: number[] };

export type ProfileSummary = {
  /** Non-idle samples × sampling interval: an estimate of the thread's CPU time. */
  sampledMs: number;
  windowMs: number;
  byPackage: { name: string; ms: number; share: number }[];
  topSelf: { frame: string; ms: number; share: number }[];
  collabInclusive: { frame: string; ms: number; share: number }[];
  /** The folder whose functions collabInclusive covers ("/lib/collab/" unless summarizeProfile was told otherwise). */
  inclusiveDir?: string;
  /** Longest stretches without an idle sample (event-loop stalls), with their most frequent frames. */
  stretches: { ms: number; atMs: number; frames: string[] }[];
};

/** Frames on nearly every stack; useless for telling stretches apart. */
const GENERIC = new Set(["(root)", "(program)", "runMicrotasks", "processTicksAndRejections", "processImmediate", "listOnTimeout", "processTimers", "emit"]);

/** Which package or part of the app a script URL belongs to. */
export function packageOf(url: string): string {
  if (!url) return "(native/V8)";
  const path = url.replace(/^file:\/\//, "");
  const nm = path.lastIndexOf("node_modules/");
  if (nm >= 0) {
    const rest = path.slice(nm + "node_modules/".length).split("/");
    return rest[0].startsWith("@") ? `${rest[0]}/${rest[1]}` : rest[0];
  }
  if (path.startsWith("node:")) return "node internals";
  const lib = path.indexOf("/lib/");
  if (lib >= 0 && !path.includes("/node_modules/")) {
    const parts = path.slice(lib + 1).split("/");
    return parts.slice(0, 2).join("/");
  }
  return path.split("/").slice(-2).join("/");
}

function frameName(frame: CallFrame): string {
  const file = frame.url.replace(/^file:\/\//, "").replace(/^.*node_modules\//, "").replace(/^.*?\/(lib|bench)\//, "$1/");
  // tsx-compiled files report line 0 for everything; show a line only when it means something.
  // Minified browser chunks are one long line: there the column tells functions apart.
  const where = file.startsWith("http") ? `${file.replace(/^https?:\/\/[^/]+/, "")}:${frame.lineNumber + 1}:${frame.columnNumber + 1}` : file && frame.lineNumber > 0 ? `${file}:${frame.lineNumber + 1}` : file;
  return `${frame.functionName || "(anonymous)"} ${where}`.trim();
}

/** `inclusiveDir`: whose functions get inclusive times (collabInclusive); lib/collab by default. */
export function summarizeProfile(file: string, window?: { fromUs: number; toUs: number }, top = 15, inclusiveDir = "/lib/collab/"): ProfileSummary {
  const profile = JSON.parse(readFileSync(file, "utf8")) as CpuProfile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);

  const self = new Map<number, number>();
  const stackOf = (id: number) => {
    const frames: CallFrame[] = [];
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) frames.push(byId.get(node)!.callFrame);
    return frames;
  };
  const stretches: { ms: number; atMs: number; frames: string[] }[] = [];
  let stretch: { start: number; ids: number[] } | null = null;
  const closeStretch = (end: number) => {
    if (!stretch) return;
    const counts = new Map<string, number>();
    for (const id of stretch.ids) for (const name of new Set(stackOf(id).filter((f) => !GENERIC.has(f.functionName)).map(frameName))) add(counts, name, 1);
    const frames = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([name, n]) => `${name} (${n})`);
    stretches.push({ ms: (end - stretch.start) / 1000, atMs: (stretch.start - (window?.fromUs ?? profile.startTime)) / 1000, frames });
    stretch = null;
  };
  const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
  // Weigh every sample by the sampling interval (the median gap), not by its own gap: under
  // CPU contention the gaps also contain time the thread was descheduled, which is not CPU.
  const gaps = Float64Array.from(profile.timeDeltas.filter((d) => d > 0)).sort();
  const interval = gaps.length ? gaps[Math.floor(gaps.length / 2)] / 1000 : 1;
  let t = profile.startTime;
  let lastInWindow = t;
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = profile.timeDeltas[i] ?? 0;
    t += delta;
    if (window && (t < window.fromUs || t > window.toUs)) continue;
    lastInWindow = t;
    if (byId.get(profile.samples[i])!.callFrame.functionName === "(idle)") closeStretch(t);
    else if (stretch) stretch.ids.push(profile.samples[i]);
    else stretch = { start: t, ids: [profile.samples[i]] };
    const weight = interval;
    self.set(profile.samples[i], (self.get(profile.samples[i]) ?? 0) + weight);
  }
  closeStretch(lastInWindow);
  stretches.sort((a, b) => b.ms - a.ms);
  const windowMs = window ? (window.toUs - window.fromUs) / 1000 : (profile.endTime - profile.startTime) / 1000;
  const busy = [...self.entries()].filter(([id]) => byId.get(id)!.callFrame.functionName !== "(idle)").reduce((n, [, ms]) => n + ms, 0);

  const packages = new Map<string, number>();
  const frames = new Map<string, number>();
  const collab = new Map<string, number>();
  for (const [id, ms] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === "(idle)") continue;
    add(packages, frame.url ? packageOf(frame.url) : frame.functionName || "(native/V8)", ms);
    add(frames, frameName(frame), ms);
    // Inclusive time of lib/collab functions: every distinct lib/collab frame on the stack.
    const onStack = new Set<string>();
    for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
      const f = byId.get(node)!.callFrame;
      if (f.url.includes(inclusiveDir)) onStack.add(frameName(f));
    }
    for (const name of onStack) add(collab, name, ms);
  }
  const sorted = (map: Map<string, number>, n: number) =>
    [...map.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, ms]) => ({ name, ms, share: busy ? ms / busy : 0 }));
  return {
    sampledMs: busy,
    windowMs,
    byPackage: sorted(packages, 12),
    topSelf: sorted(frames, top).map(({ name, ms, share }) => ({ frame: name, ms, share })),
    collabInclusive: sorted(collab, top).map(({ name, ms, share }) => ({ frame: name, ms, share })),
    inclusiveDir,
    stretches: stretches.slice(0, 5),
  };
}

export function formatProfile(summary: ProfileSummary): string {
  const pct = (share: number) => `${fmt(share * 100)}%`;
  return [
    `main thread busy ≈ ${fmt(summary.sampledMs, 0)} ms (non-idle samples × interval) in a ${fmt(summary.windowMs, 0)} ms window`,
    "",
    "Self time by package:",
    table(["package", "ms", "share"], summary.byPackage.map((p) => [p.name, fmt(p.ms, 0), pct(p.share)])),
    "",
    "Top functions by self time:",
    table(["function", "ms", "share"], summary.topSelf.map((f) => [f.frame, fmt(f.ms, 0), pct(f.share)])),
    "",
    `${(summary.inclusiveDir ?? "/lib/collab/").replace(/^\/|\/$/g, "")} functions by inclusive time (their callees included):`,
    summary.collabInclusive.length
      ? table(["function", "ms", "share"], summary.collabInclusive.map((f) => [f.frame, fmt(f.ms, 0), pct(f.share)]))
      : "(none sampled)",
    "",
    "Longest busy stretches of the event loop (wall time without an idle sample; includes time descheduled), frames with sample counts:",
    ...summary.stretches.map((s) => `  ${fmt(s.ms, 1)} ms at +${fmt(s.atMs / 1000, 2)} s: ${s.frames.join(", ")}`),
  ].join("\n");
}

if (process.argv[1] && import.meta.filename === process.argv[1]) {
  const [file, from, to] = process.argv.slice(2);
  if (!file) {
    console.error("usage: tsx bench/lib/profile.ts <file.cpuprofile> [fromUs toUs]");
    process.exit(2);
  }
  const window = from && to ? { fromUs: Number(from), toUs: Number(to) } : undefined;
  console.log(formatProfile(summarizeProfile(file, window, 25)));
}
