/**
 * The whole app for browser benchmarks: `next build` when needed, then server.ts in production
 * mode on a free port, against the bench's own database (bench/lib/database.ts), started
 * through scripts/app-process.ts as the browser tests' setup starts it.
 */
import { randomBytes } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { buildApp as nextBuild, hasBuild, startAppProcess } from "../../scripts/app-process";

/**
 * Builds the app with `next build` unless `reuse` is set and a build exists. The caller holds
 * the heavy lock already (`flock /tmp/marginalia-heavy.lock npm run bench …`), so no lock here.
 */
export function buildApp(opts: { reuse: boolean; log: (m: string) => void }) {
  if (opts.reuse && hasBuild()) {
    opts.log("reusing the last `next build` (BENCH_REBUILD=0)");
    return;
  }
  opts.log("building the app (next build)…");
  const started = Date.now();
  nextBuild({ quiet: true });
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
  const app = await startAppProcess(env);
  return { baseUrl: app.baseUrl, pid: app.child.pid!, output: app.output, stop: app.stop };
}
