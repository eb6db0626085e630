/**
 * The whole app for browser benchmarks: `next build` when needed, then server.ts in production
 * mode on a free port, against the bench's own database (bench/lib/database.ts), started
 * as tests/e2e/setup/global-app.ts starts it for the browser tests.
 */
import { execFileSync, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { serverNodeFlags } from "../../scripts/node-flags.mjs";

const root = path.resolve(import.meta.dirname, "..", "..");

/**
 * Builds the app with `next build` unless `reuse` is set and a build exists. The caller holds
 * the heavy lock already (`flock /tmp/marginalia-heavy.lock npm run bench …`), so no lock here.
 */
export function buildApp(opts: { reuse: boolean; log: (m: string) => void }) {
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  if (opts.reuse && existsSync(buildId)) {
    opts.log("reusing the last `next build` (BENCH_REBUILD=0)");
    return;
  }
  opts.log("building the app (next build)…");
  const started = Date.now();
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], {
    cwd: root,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  opts.log(`built in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

export type AppServer = { baseUrl: string; pid: number; output: () => string; stop: () => Promise<void> };

/** A port the OS says is free right now. */
async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "localhost", resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

/**
 * Starts server.ts (production) on `databaseUrl`; resolves once it is ready. With a database
 * of its own the server wants its public origin (APP_URL), so the port is chosen here.
 */
export async function startAppServer(opts: { databaseUrl: string }): Promise<AppServer> {
  const port = await freePort();
  const env = {
    ...process.env,
    NODE_ENV: "production",
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: opts.databaseUrl,
    AUTH_SECRET: randomBytes(24).toString("hex"),
    NEXT_TELEMETRY_DISABLED: "1",
  } as NodeJS.ProcessEnv;
  delete env.MARGINALIA_SEED_DEMO;
  delete env.REDIS_URL;
  const child = spawn(process.execPath, [...serverNodeFlags(), "--import", "tsx", "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
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
  const exited = new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve();
    else child.once("exit", () => resolve());
  });
  return {
    baseUrl,
    pid: child.pid!,
    output: () => log,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill("SIGTERM");
      const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
