import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres } from "../../lib/db/embedded-postgres";
import { applyMigrations } from "../../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real Postgres per test run, migrated once. With DATABASE_URL set, a fresh database
 * is created on that server (and dropped afterwards) so runs never see each other's rows;
 * otherwise an embedded Postgres starts in a temporary folder.
 */
export default async function setup(project: TestProject) {
  const external = process.env.DATABASE_URL;
  if (external) {
    const name = `marginalia_test_${randomBytes(6).toString("hex")}`;
    const admin = async (sql: string) => {
      const client = new pg.Client({ connectionString: external });
      await client.connect();
      try {
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    await admin(`CREATE DATABASE "${name}"`);
    const url = new URL(external);
    url.pathname = `/${name}`;
    await applyMigrations(url.toString());
    project.provide("databaseUrl", url.toString());
    return async () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  }
  const home = await mkdtemp(path.join(os.tmpdir(), "marginalia-test-"));
  const server = await startEmbeddedPostgres({ dataDir: path.join(home, "postgres"), shared: false });
  await applyMigrations(server.url);
  project.provide("databaseUrl", server.url);
  return async () => {
    await server.stop();
    await rm(home, { recursive: true, force: true });
  };
}
