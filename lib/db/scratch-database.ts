import "server-only";
import { randomBytes } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export type ScratchDatabase = { url: string; kind: "embedded" | "external"; drop: () => Promise<void> };

/**
 * A throwaway, migrated database for tests and benchmarks: a fresh database on the
 * `external` server when given (dropped afterwards, so runs never see each other's rows),
 * otherwise an embedded Postgres in a temporary folder (removed afterwards).
 */
export async function createScratchDatabase(opts: { external?: string; prefix: string }): Promise<ScratchDatabase> {
  if (opts.external) {
    const external = opts.external;
    const name = `${opts.prefix}_${randomBytes(6).toString("hex")}`;
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
    return { url: url.toString(), kind: "external", drop: () => admin(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`) };
  }
  const home = await mkdtemp(path.join(os.tmpdir(), `${opts.prefix.replace(/_/g, "-")}-`));
  const server = await startEmbeddedPostgres({ dataDir: path.join(home, "postgres"), shared: false });
  await applyMigrations(server.url);
  return {
    url: server.url,
    kind: "embedded",
    async drop() {
      await server.stop();
      await rm(home, { recursive: true, force: true });
    },
  };
}
