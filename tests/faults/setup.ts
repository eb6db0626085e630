import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import requireRedis from "../scale/require-redis";

/**
 * `npm run test:faults`: the production build (made when missing; FAULTS_REBUILD=1 forces it),
 * and a Redis at REDIS_URL (default 127.0.0.1:6379). The database comes from
 * tests/setup/global-database.ts: a scratch database on DATABASE_URL's server, else embedded.
 * Outages are played by cutting TCP proxies in front of Postgres and Redis (tests/faults/tcp-proxy.ts):
 * the shared services themselves are never stopped.
 */
export default async function setup(_project: TestProject) {
  await requireRedis();
  const root = process.cwd();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")) || process.env.FAULTS_REBUILD === "1") {
    execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
  }
}
