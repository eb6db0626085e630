/** Child processes, CPU pinning and CPU-time accounting through /proc. */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { tsxImports } from "../../scripts/node-flags.mjs";
import { stopperFor } from "../../scripts/app-process";

let clockTicks: number | undefined;
/** Kernel clock ticks per second (USER_HZ), the unit of utime/stime in /proc/<pid>/stat. */
export function ticksPerSecond(): number {
  if (clockTicks === undefined) {
    try {
      clockTicks = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;
    } catch {
      clockTicks = 100;
    }
  }
  return clockTicks;
}

/** CPU time (user + system, all threads) a process has used so far, in milliseconds. */
export function processCpuMs(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
  // The command name may contain spaces and parentheses; the fields start after the last ")".
  const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
  const utime = Number(fields[11]); // field 14 of proc(5)
  const stime = Number(fields[12]); // field 15
  return ((utime + stime) * 1000) / ticksPerSecond();
}

/** Resident memory of a process now (VmRSS) and at its peak so far (VmHWM), in MiB. */
export function processMemoryMb(pid: number): { rss: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? Number.NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

/** CPU time (ms) of every thread of a process so far, keyed by "<tid> <name>". */
export function threadCpuMs(pid: number): Map<string, number> {
  const threads = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const stat = readFileSync(`/proc/${pid}/task/${tid}/stat`, "utf8");
      const name = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      threads.set(`${tid} ${name}`, ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond());
    } catch {
      // the thread exited meanwhile
    }
  }
  return threads;
}

/**
 * Scheduler statistics summed over every thread of a process (/proc/<pid>/task/<tid>/schedstat):
 * time spent running and time spent runnable but waiting for a CPU, in milliseconds. The
 * wait time shows how much other processes on the same core got in the way.
 */
export function processSchedMs(pid: number): { runMs: number; waitMs: number } {
  let run = 0;
  let wait = 0;
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    try {
      const [r, w] = readFileSync(`/proc/${pid}/task/${tid}/schedstat`, "utf8").trim().split(" ").map(Number);
      run += r;
      wait += w;
    } catch {
      // the thread exited meanwhile
    }
  }
  return { runMs: run / 1e6, waitMs: wait / 1e6 };
}

/**
 * Time the main thread (the event loop) of a process was runnable but waiting for a CPU,
 * from /proc/<pid>/schedstat, in milliseconds.
 */
export function mainThreadWaitMs(pid: number): number {
  return Number(readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ")[1]) / 1e6;
}

/** Sets the nice value of every thread of this process; children started later inherit it. */
export function reniceSelf(nice: number): boolean {
  try {
    for (const tid of readdirSync("/proc/self/task")) os.setPriority(Number(tid), nice);
    return true;
  } catch {
    return false;
  }
}

/** The 1-minute load average, to show how busy the machine was. */
export function loadAverage(): number {
  return Number(readFileSync("/proc/loadavg", "utf8").split(" ")[0]);
}

let tasksetPath: string | null | undefined;
/** The taskset binary, or null when it is not installed. */
export function taskset(): string | null {
  if (tasksetPath === undefined) {
    try {
      tasksetPath = execFileSync("sh", ["-c", "command -v taskset"], { encoding: "utf8" }).trim() || null;
    } catch {
      tasksetPath = null;
    }
  }
  return tasksetPath;
}

/** Pins this process (every thread) to the given CPUs; children started later inherit it. */
export function pinSelf(cpus: string): boolean {
  const bin = taskset();
  if (!bin) return false;
  try {
    execFileSync(bin, ["-a", "-p", "-c", cpus, String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export type ServerProcess = { child: ChildProcess; pid: number; port: number; output: () => string; stop: () => Promise<void> };

/**
 * Starts bench/servers/serve.ts as a child process (pinned to `cpu` with taskset when
 * available) and resolves once it prints LISTENING <port>. taskset execs node, so the
 * child's pid is node's own and /proc/<pid>/stat measures the server alone.
 */
export async function startServerProcess(opts: { kind: string; cpu: string | null; env: Record<string, string>; nodeArgs?: string[] }): Promise<ServerProcess> {
  const script = path.join(import.meta.dirname, "..", "servers", "serve.ts");
  const nodeArgs = [...(opts.nodeArgs ?? []), ...tsxImports(), script, opts.kind];
  const bin = taskset();
  const [command, args] = opts.cpu !== null && bin ? [bin, ["-c", opts.cpu, process.execPath, ...nodeArgs]] : [process.execPath, nodeArgs];
  // Every bench client connects from 127.0.0.1, dozens at once: the per-address budget of
  // authentications in flight (lib/auth/rate-limit.ts) would refuse them as one guessing address.
  const env = { AUTH_FAILURES_PER_MINUTE: "1000000", ...process.env, ...opts.env };
  const child = spawn(command, args, { cwd: process.cwd(), env, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${opts.kind} server did not start within 60 s:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk;
      const match = /LISTENING (\d+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${opts.kind} server exited (${code ?? signal}) before listening:\n${output}`));
    });
  });
  return {
    child,
    pid: child.pid!,
    port,
    output: () => output.replace(/^LISTENING \d+\n?/m, ""),
    stop: stopperFor(child),
  };
}

/**
 * CPU time (user + system, all threads) this process has used so far, in milliseconds, from
 * getrusage: precise to microseconds, unlike /proc ticks. Around synchronous in-process work it
 * measures the work's own CPU cost (GC helper threads included) whatever else runs on the machine.
 */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}
