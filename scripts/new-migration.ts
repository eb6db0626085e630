/**
 * Writes prisma/migrations/<timestamp>_<name>/migration.sql: the SQL from the schema of
 * the latest migration (its schema.prisma copy) to prisma/schema.prisma, and stores the
 * new schema beside it for the next diff. Prisma's own `migrate deploy` reads only
 * migration.sql, so the layout stays Prisma's.
 * Usage: npm run db:migration -- <name>   (DATABASE_URL, or the embedded Postgres)
 */
import { copyFile, mkdir, readdir, readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { diffSchemas } from "../lib/db/schema-diff";
import { ensureDatabase } from "../lib/db/ensure-database";

const name = (process.argv[2] ?? "").replace(/[^a-z0-9_]+/gi, "_").toLowerCase();
if (!name) {
  console.error("usage: npm run db:migration -- <name>");
  process.exit(2);
}
const root = process.cwd();
const dir = path.join(root, "prisma/migrations");
const schemaPath = path.join(root, "prisma/schema.prisma");
const previous = (await readdir(dir, { withFileTypes: true })).filter((d) => d.isDirectory()).map((d) => d.name).sort().at(-1);
const from = previous ? await readFile(path.join(dir, previous, "schema.prisma"), "utf8") : null;
const database = await ensureDatabase({ purpose: "cli" });
try {
  const sql = await diffSchemas(from, await readFile(schemaPath, "utf8"), database.url);
  if (!sql.trim()) {
    console.log("schema.prisma and the latest migration already agree; nothing written.");
  } else {
    const stamp = new Date().toISOString().replace(/[-:T]/g, "").slice(0, 14);
    const target = path.join(dir, `${stamp}_${name}`);
    await mkdir(target, { recursive: true });
    await writeFile(path.join(target, "migration.sql"), sql);
    await copyFile(schemaPath, path.join(target, "schema.prisma"));
    console.log(`wrote ${path.relative(root, target)}/migration.sql`);
  }
} finally {
  await database.release();
}
