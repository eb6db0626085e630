import "server-only";
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";

/**
 * Offline schema-to-schema SQL diffs through Prisma's WebAssembly schema engine: the
 * native engine cannot be downloaded on every machine, so migrations are generated with
 * this (scripts/new-migration.ts). The wasm engine cannot introspect a live database, so
 * both sides are Prisma schemas (null = empty database). It still opens a connection to
 * learn the server's version, hence `connectionString`; nothing is written through it.
 */
let loaded: Promise<any> | undefined;

/** Instantiates the wasm module once per process; a second instantiation panics. */
function loadEngine() {
  loaded ??= instantiate();
  return loaded;
}

async function instantiate() {
  const panics = { message: "", set_message(m: string) { this.message = m; } };
  (globalThis as Record<string, unknown>).PRISMA_WASM_PANIC_REGISTRY = panics;
  const require = createRequire(import.meta.url);
  const bgModule = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
  const bindings = await import(pathToFileURL(bgModule).href);
  const bytes = await readFile(path.join(path.dirname(bgModule), "schema_engine_bg.wasm"));
  const { instance } = (await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bindings })) as unknown as WebAssembly.WebAssemblyInstantiatedSource;
  bindings.__wbg_set_wasm(instance.exports);
  (instance.exports as unknown as { __wbindgen_start: () => void }).__wbindgen_start();
  return bindings;
}

const target = (content: string | null) =>
  content === null ? { tag: "empty" } : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] };

/** Returns the SQL that turns a database shaped by `from` into one shaped by `to`; "" when they agree. */
export async function diffSchemas(from: string | null, to: string, connectionString: string): Promise<string> {
  const bindings = await loadEngine();
  const { PrismaPg } = await import("@prisma/adapter-pg");
  const { bindMigrationAwareSqlAdapterFactory } = await import("@prisma/driver-adapter-utils");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString }));
  const engine = await bindings.SchemaEngine.new({ datamodels: [["schema.prisma", to]] }, () => {}, adapter);
  try {
    const result = await engine.diff({
      from: target(from),
      to: target(to),
      script: true,
      exitCode: null,
      filters: { externalTables: [], externalEnums: [] },
    });
    const sql: string = result.stdout ?? "";
    return sql.includes("This is an empty migration") ? "" : sql;
  } finally {
    engine.free();
  }
}
