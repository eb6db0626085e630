import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { serverNodeFlags } from "../../../scripts/node-flags.mjs";
import { chromiumPath } from "../browser";

declare module "vitest" {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

/**
 * Builds the app when needed and starts server.ts (production mode, its own embedded
 * Postgres in a temporary folder, port chosen by the OS) for the browser tests.
 */
export default async function setup(project: TestProject) {
  chromiumPath(); // fail first, with the install command, when there is no browser
  const root = process.cwd();
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  execFileSync(process.execPath, [path.join(root, "scripts", "ensure.mjs"), "--quiet"], { stdio: "inherit" });
  if (!existsSync(path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID")) || process.env.E2E_REBUILD !== "0") {
    execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
  }
  const home = await mkdtemp(path.join(os.tmpdir(), "marginalia-e2e-"));
  // Every browser test signs up its people from 127.0.0.1: the per-address sign-up limit (10 an hour) would stop a run after its tenth account.
  const env = { ...process.env, NODE_ENV: "production", PORT: "0", MARGINALIA_DATA_DIR: path.join(home, "postgres"), SIGNUPS_PER_HOUR: "100000" } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const server: ChildProcess = spawn(process.execPath, [...serverNodeFlags(), "--import", "tsx", "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
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
    server.stdout!.on("data", onData);
    server.stderr!.on("data", onData);
    server.once("exit", (code) => reject(new Error(`the app exited (${code}) before it was ready:\n${log}`)));
  });
  project.provide("baseUrl", baseUrl);
  return async () => {
    server.kill("SIGTERM");
    await new Promise((r) => (server.exitCode !== null ? r(null) : server.once("exit", r)));
    await rm(home, { recursive: true, force: true });
  };
}
