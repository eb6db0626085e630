/**
 * Fan-out on one document: BENCH_CLIENTS clients (BENCH_WRITERS real writers, the rest
 * lightweight wire-protocol clients) each send BENCH_RATE small Yjs updates per second;
 * after a warm-up, BENCH_SECONDS are measured. The server runs alone in a child process
 * pinned to CPU 0; the clients (and the embedded Postgres) stay on CPU 1.
 *
 * Servers, in the same run:
 *   ours         createCollabServer: auth with real API tokens, durable persistence on
 *   hocuspocus   standalone @hocuspocus/server, no persistence, no auth
 *   y-websocket  bare @y/websocket-server relay
 *
 * Per run and server: server CPU time (utime+stime from /proc/<pid>/stat) per delivered
 * update, end-to-end latency send → receive at every other client, and for ours the time
 * from send to the "saved" ack that covers the update. Medians over BENCH_RUNS runs.
 */
import { mkdir, readdir } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { ProviderClient, RawClient, Recorder, type BenchClient, type Dialect } from "./lib/clients";
import { closeDb, commitLatency, createFixtures, startDatabase } from "./lib/database";
import { loadAverage, mainThreadWaitMs, pinSelf, processCpuMs, processMemoryMb, reniceSelf, startServerProcess, taskset, threadCpuMs } from "./lib/proc";
import { formatProfile, summarizeProfile, type ProfileSummary } from "./lib/profile";
import { envInt, envNumber, fmt, fmtInt, medianOf, quantile, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";

const SERVERS = ["ours", "hocuspocus", "y-websocket"] as const;
type ServerKind = (typeof SERVERS)[number];

const TARGETS = { cpuRatioVsHocuspocus: 1.2, p99Ms: 50, ackP99Ms: 50 };

const CONTENT = [
  "Marginalia keeps a shared reading text that a seminar annotates together. Everyone types into the same document at once, and the server relays each keystroke to everybody else, stores it durably, and tells the writer when it is safe. This paragraph is where the benchmark's clients type, each at its own place.",
  "A second paragraph, so the document has more than one block, as real texts do.",
  "And a third one with a closing sentence.",
].join("\n\n");

type Config = {
  seconds: number;
  warmup: number;
  clients: number;
  writers: number;
  rate: number;
  runs: number;
  servers: ServerKind[];
  /** Servers to profile in an extra run each (BENCH_PROFILE=1 means ours). */
  profile: ServerKind[];
  nice: number | null;
};

/** BENCH_PROFILE: unset/0 → none, 1 → ours, or a comma-separated list of servers (only those in the run). */
function profileList(value: string | undefined, servers: ServerKind[]): ServerKind[] {
  if (!value || value === "0") return [];
  const wanted = value === "1" ? ["ours"] : value.split(",").map((s) => s.trim());
  for (const s of wanted) if (!SERVERS.includes(s as ServerKind)) throw new Error(`BENCH_PROFILE: unknown server ${s}`);
  return servers.filter((s) => wanted.includes(s));
}

function config(): Config {
  const clients = envInt("BENCH_CLIENTS", 50);
  const servers = (process.env.BENCH_SERVERS ?? SERVERS.join(","))
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  for (const s of servers) if (!SERVERS.includes(s as ServerKind)) throw new Error(`BENCH_SERVERS: unknown server ${s}`);
  if (clients < 2) throw new Error("BENCH_CLIENTS must be at least 2");
  return {
    seconds: envNumber("BENCH_SECONDS", 10),
    warmup: envNumber("BENCH_WARMUP", 2),
    clients,
    writers: Math.min(clients - 1, envInt("BENCH_WRITERS", 5)),
    rate: envNumber("BENCH_RATE", 10),
    runs: envInt("BENCH_RUNS", 3),
    servers: servers as ServerKind[],
    profile: profileList(process.env.BENCH_PROFILE, servers as ServerKind[]),
    nice: process.env.BENCH_NICE ? Number(process.env.BENCH_NICE) : null,
  };
}

type RunResult = {
  server: ServerKind;
  run: number | "profile";
  windowMs: number;
  sends: number;
  expected: number;
  delivered: number;
  arrivalsInWindow: number;
  /** Foreign updates per received frame: how much the server merged before broadcasting. */
  updatesPerFrame: number;
  serverCpuMs: number;
  /** Server CPU (ms) during the window per thread group: "main" is the event loop, the rest are V8/libuv helpers. */
  serverThreadsMs: Record<string, number>;
  cpuUsPerUpdate: number;
  serverCorePct: number;
  clientCorePct: number;
  /** Time the server's event loop was runnable but waiting for CPU 0 (other processes in the way), % of the window. */
  serverWaitPct: number;
  clientWaitPct: number;
  loadAverage: number;
  p50: number;
  p99: number;
  ackP50: number;
  ackP99: number;
  acked: number;
  duplicates: number;
  /** Worst end-to-end latency (ms) of the updates sent in each 100 ms of the window. */
  worstLatencyPer100ms: number[];
  problems: string[];
  serverOutput: string;
  profile?: { file: string; fromUs: number; toUs: number };
  /** Server resident memory (MiB): started with no client, every client connected, at the window's start and end, and its peak. */
  memory: { idle: number; connected: number; windowStart: number; windowEnd: number; peak: number; clients: number };
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Per-thread CPU during the window, summed by thread name ("main" for the event loop). */
function threadGroups(pid: number, before: Map<string, number>, after: Map<string, number>): Record<string, number> {
  const groups: Record<string, number> = {};
  for (const [key, ms] of after) {
    const [tid, ...name] = key.split(" ");
    const group = Number(tid) === pid ? "main" : name.join(" ");
    groups[group] = (groups[group] ?? 0) + ms - (before.get(key) ?? 0);
  }
  return groups;
}

async function runOnce(
  cfg: Config,
  kind: ServerKind,
  run: number | "profile",
  ctx: { databaseUrl: string; pinned: boolean; tokens: string[]; seed: Uint8Array; newDocument: (title: string) => Promise<{ id: string }>; profileDir: string },
): Promise<RunResult> {
  // One folder per profiled run: node writes a profile per thread (tsx's loader hooks run on
  // their own thread), named CPU.<date>.<time>.<pid>.<threadId>.<seq>.cpuprofile.
  const profileDir = run === "profile" ? path.join(ctx.profileDir, `${kind}-${new Date().toISOString().replace(/[:.]/g, "-")}`) : undefined;
  const documentName = kind === "ours" ? (await ctx.newDocument(`Bench ${kind} run ${run}`)).id : "bench-document";
  const server = await startServerProcess({
    kind,
    cpu: ctx.pinned ? "0" : null,
    env: kind === "ours" ? { DATABASE_URL: ctx.databaseUrl, BENCH_COMPACT_AFTER: process.env.BENCH_COMPACT_AFTER ?? "", BENCH_APPEND_INTERVAL: process.env.BENCH_APPEND_INTERVAL ?? "" } : {},
    nodeArgs: [...(process.env.BENCH_NODE_ARGS?.split(" ").filter(Boolean) ?? []), ...(profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`, "--cpu-prof-interval=500"] : [])],
  });
  const recorder = new Recorder(cfg.clients, Math.ceil(cfg.rate * (cfg.warmup + cfg.seconds + 30)) + 100);
  const dialect = (i: number): Dialect =>
    kind === "y-websocket"
      ? { kind: "y-websocket", url: `ws://127.0.0.1:${server.port}/${documentName}` }
      : { kind: "hocuspocus", url: `ws://127.0.0.1:${server.port}${kind === "ours" ? "/collab" : ""}`, documentName, token: kind === "ours" ? ctx.tokens[i] : "bench" };
  const clients: BenchClient[] = [];
  let sending = false;
  let result: RunResult;
  const idleMb = processMemoryMb(server.pid).rss;
  try {
    // Without persistence the relays start empty: the last (lightweight) client brings the
    // same text ours loads from Postgres, and the others connect once the server has it.
    const seedIndex = cfg.clients - 1;
    if (kind !== "ours") {
      const seeder = new RawClient(seedIndex, dialect(seedIndex), recorder, { full: false, seed: ctx.seed });
      clients[seedIndex] = seeder;
      await withTimeout(seeder.connect(), 30_000, `seeding client of ${kind}`);
      await withTimeout(seeder.roundTrip(), 30_000, `seed stored by ${kind}`);
    }
    for (let i = 0; i < cfg.clients; i++) {
      if (clients[i]) continue;
      const d = dialect(i);
      clients[i] = i < cfg.writers ? (d.kind === "hocuspocus" ? new ProviderClient(i, d, recorder) : new RawClient(i, d, recorder, { full: true })) : new RawClient(i, d, recorder, { full: false });
    }
    await withTimeout(Promise.all(clients.map((c, i) => (kind !== "ours" && i === seedIndex ? null : c.connect()))), 60_000, `${cfg.clients} clients connecting to ${kind}`);
    await sleep(300); // let the awareness flurry of the connects settle
    const connectedMb = processMemoryMb(server.pid).rss;

    // Every client sends on its own 1/rate schedule with a random phase; a late tick catches up.
    const period = 1000 / cfg.rate;
    const start = performance.now();
    const due = clients.map(() => start + Math.random() * period);
    sending = true;
    const tick = () => {
      if (!sending) return;
      const now = performance.now();
      for (let i = 0; i < clients.length; i++) {
        while (due[i] <= now) {
          clients[i].edit();
          due[i] += period;
        }
      }
      setTimeout(tick, 1);
    };
    tick();

    await sleep(cfg.warmup * 1000);
    const memory0 = processMemoryMb(server.pid);
    const cpu0 = processCpuMs(server.pid);
    const threads0 = threadCpuMs(server.pid);
    const wait0 = mainThreadWaitMs(server.pid);
    const clientWait0 = mainThreadWaitMs(process.pid);
    const client0 = process.cpuUsage();
    const hr0 = process.hrtime.bigint();
    const t0 = performance.now();
    recorder.openWindow(t0);
    await sleep(cfg.seconds * 1000);
    const t1 = performance.now();
    recorder.closeWindow(t1);
    sending = false;
    const hr1 = process.hrtime.bigint();
    const cpu1 = processCpuMs(server.pid);
    const memory1 = processMemoryMb(server.pid);
    const threads1 = threadCpuMs(server.pid);
    const wait1 = mainThreadWaitMs(server.pid);
    const clientWait1 = mainThreadWaitMs(process.pid);
    const client1 = process.cpuUsage(client0);
    const load = loadAverage();
    const windowMs = t1 - t0;

    // Drain: wait for every delivery (and ack) of the window's updates, or give up after 5 s.
    const expected = recorder.windowSends * (cfg.clients - 1);
    const drained = () => recorder.windowSendDeliveries >= expected && (kind !== "ours" || clients.every((c) => c.unacked === 0));
    const drainUntil = performance.now() + 5_000;
    while (!drained() && performance.now() < drainUntil) await sleep(20);

    const serverCpuMs = cpu1 - cpu0;
    result = {
      server: kind,
      run,
      windowMs,
      sends: recorder.windowSends,
      expected,
      delivered: recorder.windowSendDeliveries,
      arrivalsInWindow: recorder.windowArrivals,
      updatesPerFrame: recorder.windowFrames ? recorder.windowArrivals / recorder.windowFrames : Number.NaN,
      serverCpuMs,
      serverThreadsMs: threadGroups(server.pid, threads0, threads1),
      cpuUsPerUpdate: recorder.windowArrivals ? (serverCpuMs * 1000) / recorder.windowArrivals : Number.NaN,
      serverCorePct: (serverCpuMs / windowMs) * 100,
      clientCorePct: ((client1.user + client1.system) / 1000 / windowMs) * 100,
      serverWaitPct: ((wait1 - wait0) / windowMs) * 100,
      clientWaitPct: ((clientWait1 - clientWait0) / windowMs) * 100,
      loadAverage: load,
      p50: quantile(recorder.latencies, 0.5),
      p99: quantile(recorder.latencies, 0.99),
      ackP50: kind === "ours" ? quantile(recorder.acks, 0.5) : Number.NaN,
      ackP99: kind === "ours" ? quantile(recorder.acks, 0.99) : Number.NaN,
      acked: recorder.acks.length,
      duplicates: recorder.duplicates,
      worstLatencyPer100ms: recorder.worstByBucket(100, windowMs),
      problems: [...new Set(clients.flatMap((c) => c.problems))],
      serverOutput: "",
      profile: profileDir ? { file: profileDir, fromUs: Number(hr0 / 1000n), toUs: Number(hr1 / 1000n) } : undefined,
      memory: { idle: idleMb, connected: connectedMb, windowStart: memory0.rss, windowEnd: memory1.rss, peak: memory1.peak, clients: cfg.clients },
    };
  } finally {
    sending = false;
    for (const c of clients) c?.close();
    // Ours compacts the log when the last client leaves; let that finish before SIGTERM.
    if (kind === "ours") await sleep(1000);
    await server.stop();
  }
  result.serverOutput = server.output().trim();
  if (result.profile) {
    const main = (await readdir(result.profile.file)).find((f) => /^CPU\.\d+\.\d+\.\d+\.0\.\d+\.cpuprofile$/.test(f));
    if (!main) throw new Error(`no main-thread profile in ${result.profile.file}`);
    result.profile.file = path.join(result.profile.file, main);
  }
  return result;
}

type Summary = {
  server: ServerKind;
  runs: number;
  delivered: number;
  expected: number;
  cpuUsPerUpdate: number;
  cpuMin: number;
  cpuMax: number;
  p50: number;
  p99: number;
  ackP50: number;
  ackP99: number;
  serverCorePct: number;
  clientCorePct: number;
  serverWaitPct: number;
  clientWaitPct: number;
  loadAverage: number;
  updatesPerFrame: number;
  /** Medians, MiB: idle server, per connected client, window start/end, growth per minute of load, peak. */
  idleMb: number;
  perClientKb: number;
  rssEndMb: number;
  rssGrowthMbPerMin: number;
  peakMb: number;
};

function summarize(kind: ServerKind, results: RunResult[]): Summary {
  const mine = results.filter((r) => r.server === kind && r.run !== "profile");
  const cpu = mine.map((r) => r.cpuUsPerUpdate);
  return {
    server: kind,
    runs: mine.length,
    delivered: medianOf(mine.map((r) => r.delivered)),
    expected: medianOf(mine.map((r) => r.expected)),
    cpuUsPerUpdate: medianOf(cpu),
    cpuMin: Math.min(...cpu),
    cpuMax: Math.max(...cpu),
    idleMb: medianOf(mine.map((r) => r.memory.idle)),
    perClientKb: medianOf(mine.map((r) => ((r.memory.connected - r.memory.idle) * 1024) / r.memory.clients)),
    rssEndMb: medianOf(mine.map((r) => r.memory.windowEnd)),
    rssGrowthMbPerMin: medianOf(mine.map((r) => (r.memory.windowEnd - r.memory.windowStart) / (r.windowMs / 60_000))),
    peakMb: medianOf(mine.map((r) => r.memory.peak)),
    p50: medianOf(mine.map((r) => r.p50)),
    p99: medianOf(mine.map((r) => r.p99)),
    ackP50: medianOf(mine.map((r) => r.ackP50)),
    ackP99: medianOf(mine.map((r) => r.ackP99)),
    serverCorePct: medianOf(mine.map((r) => r.serverCorePct)),
    clientCorePct: medianOf(mine.map((r) => r.clientCorePct)),
    serverWaitPct: medianOf(mine.map((r) => r.serverWaitPct)),
    clientWaitPct: medianOf(mine.map((r) => r.clientWaitPct)),
    loadAverage: medianOf(mine.map((r) => r.loadAverage)),
    updatesPerFrame: medianOf(mine.map((r) => r.updatesPerFrame)),
  };
}

/** Warns when ours and Hocuspocus merged updates very differently, which skews CPU per update. */
function byKindMerge(summaries: Summary[]): string | null {
  const ours = summaries.find((s) => s.server === "ours");
  const hocuspocus = summaries.find((s) => s.server === "hocuspocus");
  if (!ours || !hocuspocus) return null;
  const ratio = ours.updatesPerFrame / hocuspocus.updatesPerFrame;
  if (!Number.isFinite(ratio) || (ratio > 1 / 1.5 && ratio < 1.5)) return null;
  return (
    `ours merged ${fmt(ours.updatesPerFrame, 2)} updates/frame, Hocuspocus ${fmt(hocuspocus.updatesPerFrame, 2)}: ` +
    `the one that merged more paid less per update, so the CPU ratio is skewed ${ratio > 1 ? "in favour of ours" : "against ours"}.`
  );
}

const benchmark: Benchmark = {
  name: "collab-fanout",
  description: "fan-out of small Yjs updates on one document: server CPU per delivered update, latency, durable ack",
  async run() {
    const cfg = config();
    const log = (m: string) => console.log(`[collab-fanout] ${m}`);
    const cpus = os.availableParallelism();
    const pinned = cpus >= 2 && taskset() !== null && pinSelf("1");
    if (cfg.nice !== null) log(reniceSelf(cfg.nice) ? `bench process, Postgres and servers run at nice ${cfg.nice}` : `could not renice to ${cfg.nice}`);
    log(
      pinned
        ? "bench process (clients, Postgres) pinned to CPU 1, servers to CPU 0 with taskset"
        : `NOT pinned (${taskset() ? `${cpus} CPU(s)` : "taskset not found"}): numbers are noisier`,
    );
    log(
      `${cfg.clients} clients (${cfg.writers} writers), ${cfg.rate} updates/s each, ${cfg.warmup} s warm-up + ${cfg.seconds} s measured, ${cfg.runs} run(s), servers: ${cfg.servers.join(", ")}`,
    );

    const profileDir = path.join(import.meta.dirname, "results", "profiles");
    await mkdir(profileDir, { recursive: true });
    const database = cfg.servers.includes("ours") ? await startDatabase(log) : null;
    const results: RunResult[] = [];
    const profiles: { result: RunResult; summary: ProfileSummary }[] = [];
    let commits: { p50: number; p99: number } | undefined;
    try {
      let ctx: Parameters<typeof runOnce>[3];
      if (database) {
        process.env.DATABASE_URL = database.url;
        const fixtures = await createFixtures({ users: cfg.clients, content: CONTENT });
        const seedDocument = await fixtures.createDocument("Bench seed");
        ctx = { databaseUrl: database.url, pinned, tokens: fixtures.tokens, seed: seedDocument.yState, newDocument: fixtures.createDocument, profileDir };
        await closeDb();
        const times = await commitLatency(database.url);
        commits = { p50: quantile(times, 0.5), p99: quantile(times, 0.99) };
        log(`bare durable commit on this Postgres (idle): p50 ${fmt(commits.p50, 2)} ms, p99 ${fmt(commits.p99, 2)} ms`);
      } else {
        const { jsonToYUpdate } = await import("../lib/editor/ydoc");
        const { importContent } = await import("../lib/editor/import");
        const seed = jsonToYUpdate(importContent("text", CONTENT));
        ctx = { databaseUrl: "", pinned, tokens: [], seed, newDocument: async () => ({ id: "unused" }), profileDir };
      }
      for (let run = 1; run <= cfg.runs; run++) {
        // Rotate the order so a slow drift of the machine does not always hit the same server.
        const order = cfg.servers.map((_, i) => cfg.servers[(i + run - 1) % cfg.servers.length]);
        for (const kind of order) {
          const began = Date.now();
          const result = await runOnce(cfg, kind, run, ctx);
          results.push(result);
          log(
            `run ${run} ${kind.padEnd(11)} delivered ${fmtInt(result.delivered)}/${fmtInt(result.expected)}, ` +
              `CPU ${fmt(result.cpuUsPerUpdate, 2)} µs/update (server busy ${fmt(result.serverCorePct, 0)}% + waiting ${fmt(result.serverWaitPct, 0)}%, clients busy ${fmt(result.clientCorePct, 0)}% + waiting ${fmt(result.clientWaitPct, 0)}%, load ${fmt(result.loadAverage, 1)}), ` +
              `p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms` +
              (kind === "ours" ? `, ack p50 ${fmt(result.ackP50, 2)} ms, p99 ${fmt(result.ackP99, 2)} ms` : "") +
              `, ${fmt(result.updatesPerFrame, 2)} updates/frame` +
              (result.problems.length ? `, problems: ${result.problems.slice(0, 3).join("; ")}` : "") +
              ` [${fmt((Date.now() - began) / 1000, 0)} s]`,
          );
        }
      }
      for (const kind of cfg.profile) {
        log(`extra profiled run of ${kind} (node --cpu-prof on the server; not counted in the medians)`);
        const result = await runOnce(cfg, kind, "profile", ctx);
        results.push(result);
        const summary = summarizeProfile(result.profile!.file, { fromUs: result.profile!.fromUs, toUs: result.profile!.toUs }, 20);
        profiles.push({ result, summary });
      }
    } finally {
      await database?.stop();
    }

    const summaries = cfg.servers.map((kind) => summarize(kind, results));
    const byKind = Object.fromEntries(summaries.map((s) => [s.server, s])) as Partial<Record<ServerKind, Summary>>;
    const nominal = cfg.clients * cfg.rate * cfg.seconds * (cfg.clients - 1);
    const lines: string[] = [];
    lines.push(
      `collab-fanout — ${cfg.clients} clients (${cfg.writers} writers) × ${cfg.rate} updates/s, ${cfg.seconds} s measured, medians over ${cfg.runs} run(s)` +
        (pinned ? ", server pinned to CPU 0, clients on CPU 1" : ", not pinned"),
    );
    lines.push("");
    lines.push(
      table(
        ["server", "updates delivered", "CPU µs/update", "(min–max)", "p50 ms", "p99 ms", "ack p50", "ack p99"],
        summaries.map((s) => [
          s.server,
          fmtInt(s.delivered),
          fmt(s.cpuUsPerUpdate, 2),
          `${fmt(s.cpuMin, 2)}–${fmt(s.cpuMax, 2)}`,
          fmt(s.p50, 2),
          fmt(s.p99, 2),
          s.server === "ours" ? fmt(s.ackP50, 2) : "n/a",
          s.server === "ours" ? fmt(s.ackP99, 2) : "n/a",
        ]),
      ),
    );
    lines.push("");
    lines.push(
      `sanity: nominal deliveries = clients × rate × seconds × (clients − 1) = ${fmtInt(nominal)}; ` +
        summaries.map((s) => `${s.server} ${fmt((s.delivered / nominal) * 100, 1)}% of nominal, ${fmt((s.delivered / s.expected) * 100, 2)}% of its actual sends`).join("; "),
    );
    lines.push("");
    lines.push(
      table(
        ["load (medians)", "server busy %", "server waiting %", "clients busy %", "clients waiting %", "load avg", "updates/frame"],
        summaries.map((s) => [s.server, fmt(s.serverCorePct, 0), fmt(s.serverWaitPct, 0), fmt(s.clientCorePct, 0), fmt(s.clientWaitPct, 0), fmt(s.loadAverage, 1), fmt(s.updatesPerFrame, 2)]),
      ),
    );
    lines.push("");
    lines.push(
      table(
        ["memory (medians, MiB)", "idle", "per client KiB", "at window end", "growth MiB/min under load", "peak"],
        summaries.map((s) => [s.server, fmt(s.idleMb, 0), fmt(s.perClientKb, 0), fmt(s.rssEndMb, 0), fmt(s.rssGrowthMbPerMin, 1), fmt(s.peakMb, 0)]),
      ),
    );
    lines.push(`(server node flags: ${process.env.BENCH_NODE_ARGS || "none"}; BENCH_NODE_ARGS=--initial-old-space-size=512 compares the server's default)`);
    lines.push(
      "(busy = CPU time used / window; waiting = event loop runnable but not running because other processes held the core, which inflates latency;\n" +
        " updates/frame > 1 means the server merged updates into one broadcast, which lowers CPU per update, and it rises when the server falls behind)",
    );
    const contended = summaries.filter((s) => s.serverWaitPct > 20 || s.clientWaitPct > 20);
    if (contended.length)
      lines.push(
        `WARNING: other processes held the cores (event loops waiting > 20% of the window: ${contended.map((s) => s.server).join(", ")}; load avg ${fmt(contended[0].loadAverage, 1)}): ` +
          "latencies mostly measure the machine, not the server. BENCH_NICE=-10 (root) or a quiet machine gives cleaner numbers.",
      );
    const batching = byKindMerge(summaries);
    if (batching) lines.push(`CAVEAT: ${batching}`);
    const busyClients = summaries.filter((s) => s.clientCorePct > 85);
    if (busyClients.length) lines.push(`WARNING: the client core was above 85% busy (${busyClients.map((s) => s.server).join(", ")}): latencies include client-side queueing.`);
    for (const r of results) {
      if (r.problems.length || r.duplicates) lines.push(`note: ${r.server} run ${r.run}: ${r.duplicates} duplicate deliveries; ${r.problems.slice(0, 5).join("; ")}`);
      if (r.serverOutput) lines.push(`note: ${r.server} run ${r.run} server output: ${r.serverOutput.slice(0, 500)}`);
    }

    const ours = byKind.ours;
    const ratio = (a?: number, b?: number) => (a !== undefined && b !== undefined && Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);
    const targets: TargetResult[] = [];
    if (ours) {
      lines.push("");
      const ratioRows: string[][] = [];
      for (const other of [byKind.hocuspocus, byKind["y-websocket"]]) {
        if (!other) continue;
        ratioRows.push([
          `ours / ${other.server}`,
          `${fmt(ratio(ours.cpuUsPerUpdate, other.cpuUsPerUpdate), 2)}×`,
          `${fmt(ratio(ours.p50, other.p50), 2)}×`,
          `${fmt(ratio(ours.p99, other.p99), 2)}×`,
        ]);
      }
      if (ratioRows.length) lines.push(table(["ratio", "CPU µs/update", "p50", "p99"], ratioRows));
      if (byKind.hocuspocus) {
        const r = ratio(ours.cpuUsPerUpdate, byKind.hocuspocus.cpuUsPerUpdate);
        targets.push({ name: "CPU per update vs standalone Hocuspocus", measured: `${fmt(r, 2)}×`, target: `≤ ${TARGETS.cpuRatioVsHocuspocus}×`, met: r <= TARGETS.cpuRatioVsHocuspocus });
      }
      targets.push({ name: "end-to-end latency p99", measured: `${fmt(ours.p99, 2)} ms`, target: `< ${TARGETS.p99Ms} ms`, met: ours.p99 < TARGETS.p99Ms });
      targets.push({ name: "time to durable ack p99", measured: `${fmt(ours.ackP99, 2)} ms`, target: `< ${TARGETS.ackP99Ms} ms`, met: ours.ackP99 < TARGETS.ackP99Ms });
      lines.push("");
      lines.push("Targets (ours):");
      for (const t of targets) lines.push(`  ${t.met ? "PASS" : "MISS"}  ${t.name}: ${t.measured} (target ${t.target})`);
      if (commits) lines.push(`  (a bare durable commit on this Postgres, idle, before the runs: p50 ${fmt(commits.p50, 2)} ms, p99 ${fmt(commits.p99, 2)} ms)`);
      if (targets.some((t) => !t.met) && !profiles.length) lines.push("  (BENCH_PROFILE=1 adds a profiled run of ours and prints its hot spots)");
    }
    for (const profile of profiles) {
      lines.push("");
      lines.push(`CPU profile of ${profile.result.server} over the measured window (${profile.result.profile!.file}):`);
      lines.push(formatProfile(profile.summary));
    }

    return {
      name: benchmark.name,
      text: lines.join("\n"),
      targets,
      data: { config: cfg, pinned, database: database?.kind ?? null, bareCommitMs: commits ?? null, nominalDeliveries: nominal, summaries, runs: results, profile: profiles.find((p) => p.result.server === "ours")?.summary ?? null, profiles: profiles.map((p) => ({ server: p.result.server, summary: p.summary })), targets },
    };
  },
};

export default benchmark;
