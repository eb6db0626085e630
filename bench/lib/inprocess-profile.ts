/**
 * Profiles a piece of work inside the bench process (node:inspector's CPU profiler), writes the
 * .cpuprofile to bench/results/profiles/ and summarises it with bench/lib/profile.ts. For
 * benchmarks that run the code under test in-process (no server child to start with --cpu-prof).
 */
import { mkdir, writeFile } from "node:fs/promises";
import { Session } from "node:inspector/promises";
import path from "node:path";
import { formatProfile, summarizeProfile, type ProfileSummary } from "./profile";

export type InProcessProfile = { file: string; summary: ProfileSummary; text: string };

/**
 * Runs `work` under the sampling profiler (`intervalUs` between samples) and summarises the
 * samples, with inclusive times for the functions under `inclusiveDir` (e.g. "/lib/anchoring/").
 */
export async function profileInProcess(name: string, work: () => Promise<void> | void, opts: { inclusiveDir: string; intervalUs?: number; top?: number }): Promise<InProcessProfile> {
  const dir = path.join(import.meta.dirname, "..", "results", "profiles");
  await mkdir(dir, { recursive: true });
  const session = new Session();
  session.connect();
  try {
    await session.post("Profiler.enable");
    await session.post("Profiler.setSamplingInterval", { interval: opts.intervalUs ?? 100 });
    await session.post("Profiler.start");
    let failure: unknown = null;
    try {
      await work();
    } catch (error) {
      failure = error ?? new Error("profiled work failed");
    }
    const { profile } = await session.post("Profiler.stop");
    if (failure) throw failure;
    const file = path.join(dir, `${name}-${new Date().toISOString().replace(/[:.]/g, "-")}.cpuprofile`);
    await writeFile(file, JSON.stringify(profile));
    const summary = summarizeProfile(file, undefined, opts.top ?? 20, opts.inclusiveDir);
    return { file, summary, text: formatProfile(summary) };
  } finally {
    await session.post("Profiler.disable").catch(() => undefined);
    session.disconnect();
  }
}
