/**
 * The production app in a child process, for the browser tests (tests/e2e/setup/global-app.ts)
 * and the browser benchmarks (bench/lib/app-server.ts): `next build` when needed, then server.ts
 * with the server's Node flags, ready once it prints "ready on <url>".
 */
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { serverNodeFlags, tsxImports } from "./node-flags.mjs";

const root = path.resolve(import.meta.dirname, "..");

/** Whether a production build of this checkout exists (NEXT_DIST_DIR or .next). */
export function hasBuild(): boolean {
  return existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID"));
}

/** Runs `next build`; `quiet` keeps its progress off stdout (errors still show). */
export function buildApp({ quiet = false } = {}) {
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: quiet ? ["ignore", "pipe", "inherit"] : "inherit",
  });
}

export type AppProcess = { child: ChildProcess; baseUrl: string; output: () => string; stop: () => Promise<void> };

/** Starts server.ts with exactly `env`; resolves once it is ready (at most 120 s), rejects if it exits first. */
export async function startAppProcess(env: NodeJS.ProcessEnv): Promise<AppProcess> {
  const child = spawn(process.execPath, [...serverNodeFlags(), ...tsxImports(), "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  const baseUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 120 s:\n${log}`)), 120_000);
    const onData = (chunk: Buffer) => {
      log += chunk;
      const match = /ready on (http:\/\/\S+)/.exec(log);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`the app exited (${code ?? signal}) before it was ready:\n${log}`));
    });
  });
  return { child, baseUrl, output: () => log, stop: stopperFor(child) };
}

/**
 * Stops a server process: SIGTERM (a clean shutdown; --cpu-prof writes its profile), then SIGKILL
 * if it has not exited within 15 s. Resolves once it has exited; at once if it already had.
 */
export function stopperFor(child: ChildProcess): () => Promise<void> {
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM");
    const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
    await exited;
    clearTimeout(timer);
  };
}
