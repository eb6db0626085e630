import { execFileSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildApp, hasBuild, startAppProcess } from "../../../scripts/app-process";
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
  if (!hasBuild() || process.env.E2E_REBUILD !== "0") buildApp();
  const home = await mkdtemp(path.join(os.tmpdir(), "marginalia-e2e-"));
  // Every browser test signs up its people from 127.0.0.1: the per-address sign-up limit (10 an hour) would stop a run after its tenth account.
  const env = { ...process.env, NODE_ENV: "production", PORT: "0", MARGINALIA_DATA_DIR: path.join(home, "postgres"), SIGNUPS_PER_HOUR: "100000" } as NodeJS.ProcessEnv;
  delete env.DATABASE_URL;
  const { baseUrl, stop } = await startAppProcess(env);
  project.provide("baseUrl", baseUrl);
  return async () => {
    await stop();
    await rm(home, { recursive: true, force: true });
  };
}
