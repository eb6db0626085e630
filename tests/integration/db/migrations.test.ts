import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { diffSchemas } from "@/lib/db/schema-diff";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";

const url = () => inject("databaseUrl");

async function query<T extends pg.QueryResultRow>(connectionString: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** Everything Prisma's schema decides, read from the catalog in a stable order. */
async function catalog(connectionString: string) {
  const columns = await query(connectionString, `
    SELECT table_name, column_name, data_type, udt_name, is_nullable, column_default
    FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> '_prisma_migrations'
    ORDER BY table_name, column_name`);
  const indexes = await query(connectionString, `
    SELECT tablename, indexname, indexdef FROM pg_indexes
    WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename, indexname`);
  const constraints = await query(connectionString, `
    SELECT c.conrelid::regclass::text AS tbl, c.conname, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
    WHERE n.nspname = 'public' AND c.conrelid::regclass::text NOT IN ('_prisma_migrations', '"_prisma_migrations"')
      -- Constraint triggers are written by hand in migrations (schema.prisma cannot describe
      -- them); tests/integration/annotations/revision.test.ts checks what they do.
      AND c.contype <> 't' ORDER BY 1, 2`);
  const enums = await query(connectionString, `
    SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) AS labels
    FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY t.typname ORDER BY t.typname`);
  return { columns, indexes, constraints, enums };
}

describe("migrations and schema.prisma", () => {
  it("the latest migration's schema snapshot is schema.prisma (no pending change)", async () => {
    const names = (await readdir(MIGRATIONS_DIR, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort();
    const snapshot = await readFile(path.join(MIGRATIONS_DIR, names.at(-1)!, "schema.prisma"), "utf8");
    const schema = await readFile(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
    expect(await diffSchemas(snapshot, schema, url())).toBe("");
  });

  it("the migrated database has exactly the tables, columns, indexes, constraints and enums schema.prisma describes", async () => {
    const schema = await readFile(path.join(process.cwd(), "prisma/schema.prisma"), "utf8");
    const fromScratch = await diffSchemas(null, schema, url());
    const name = `schema_check_${Date.now()}`;
    await query(url(), `CREATE DATABASE "${name}"`);
    const fresh = new URL(url());
    fresh.pathname = `/${name}`;
    try {
      await query(fresh.toString(), fromScratch);
      const [migrated, expected] = await Promise.all([catalog(url()), catalog(fresh.toString())]);
      expect(migrated.columns.length).toBeGreaterThan(50);
      expect(migrated).toEqual(expected);
    } finally {
      await query(url(), `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    }
  });
});
