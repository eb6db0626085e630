#!/usr/bin/env node
/**
 * `npm start`: the one command that runs Marginalia from a fresh clone — installs,
 * generates, builds when the sources are newer than the last build, then starts
 * server.ts (which starts the database, migrates, seeds the demo and serves).
 * `--dev` runs Next in development mode instead of building.
 */
import { execFileSync, spawn } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { serverNodeFlags, tsxImports } from "./node-flags.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const dev = process.argv.includes("--dev");
// Next's telemetry would try to reach the internet at every build and start.
process.env.NEXT_TELEMETRY_DISABLED ??= "1";
execFileSync(process.execPath, [path.join(root, "scripts", "ensure.mjs")], { stdio: "inherit" });

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) {
    if (entry === "node_modules" || entry === "generated") continue;
    latest = Math.max(latest, newest(path.join(target, entry)));
  }
  return latest;
}

if (!dev) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json"];
  const stale = !existsSync(buildId) || sources.some((s) => newest(path.join(root, s)) > statSync(buildId).mtimeMs);
  if (stale) {
    console.log("[setup] building the app (next build)…");
    execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
  }
}

const child = spawn(process.execPath, [...serverNodeFlags(), ...tsxImports(), path.join(root, "server.ts")], {
  cwd: root,
  stdio: "inherit",
  env: { ...process.env, NODE_ENV: dev ? "development" : "production" },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
