import { spawn } from "node:child_process";
import { tsxImports } from "../../../scripts/node-flags.mjs";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";

const homes: string[] = [];
afterAll(async () => {
  for (const home of homes) await rm(home, { recursive: true, force: true });
});

async function newDataDir() {
  const home = await mkdtemp(path.join(os.tmpdir(), "marginalia-embedded-"));
  homes.push(home);
  return path.join(home, "postgres");
}

async function selectOne(url: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query("SELECT 1 AS one")).rows[0].one;
  } finally {
    await client.end();
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("embedded Postgres", () => {
  it("recovers when the app that owned it was killed with SIGKILL (stale postmaster.pid)", async () => {
    const dataDir = await newDataDir();
    // A separate process owns the server, then dies without any chance to stop it.
    const script = `import { startEmbeddedPostgres } from "./lib/db/embedded-postgres.ts";
      const h = await startEmbeddedPostgres({ dataDir: ${JSON.stringify(dataDir)}, shared: false });
      console.log("READY " + h.url); setInterval(() => {}, 1000);`;
    const child = spawn(process.execPath, [...tsxImports(), "--input-type=module", "-e", script], { cwd: process.cwd(), stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve, reject) => {
      child.stdout.on("data", (chunk) => String(chunk).includes("READY") && resolve());
      child.on("exit", (code) => reject(new Error(`owner exited early (${code})`)));
    });
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const orphan = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    expect(alive(orphan)).toBe(true);

    const restarted = await startEmbeddedPostgres({ dataDir, shared: false });
    try {
      expect(restarted.owned).toBe(true);
      expect(restarted.created).toBe(false);
      expect(alive(orphan)).toBe(false);
      expect(await selectOne(restarted.url)).toBe(1);
    } finally {
      await restarted.stop();
    }
  }, 60_000);

  it("lets a CLI join the server a running app owns", async () => {
    const dataDir = await newDataDir();
    const app = await startEmbeddedPostgres({ dataDir, shared: false });
    try {
      expect(app.created).toBe(true);
      const cli = await startEmbeddedPostgres({ dataDir, shared: true });
      expect(cli.owned).toBe(false);
      expect(cli.url).toBe(app.url);
      expect(await selectOne(cli.url)).toBe(1);
    } finally {
      await app.stop();
    }
  }, 60_000);
});
