import "server-only";
import { env, useDatabaseUrl } from "../env";
import { disconnectDb } from "./index";
import { defaultDataDir, startEmbeddedPostgres } from "./embedded-postgres";
import { applyMigrations } from "./migrate";

export type DatabaseHandle = {
  url: string;
  /** An embedded database that was initialised just now; the demo is seeded only into one of these. */
  fresh: boolean;
  embedded: boolean;
  /** Stops the embedded server when this process started it; a no-op otherwise. */
  release: () => Promise<void>;
};

/**
 * Resolves the database for this process and brings its schema up to date:
 * DATABASE_URL when set, otherwise the embedded Postgres (the app owns it; a CLI joins
 * the app's server or starts one for its own run).
 */
export async function ensureDatabase(opts: { purpose: "app" | "cli"; log?: (m: string) => void }): Promise<DatabaseHandle> {
  const e = env();
  if (e.DATABASE_URL) {
    await applyMigrations(e.DATABASE_URL);
    return { url: e.DATABASE_URL, fresh: false, embedded: false, release: async () => {} };
  }
  const handle = await startEmbeddedPostgres({
    dataDir: defaultDataDir(e.MARGINALIA_DATA_DIR),
    shared: opts.purpose === "cli",
    log: opts.log,
  });
  try {
    await applyMigrations(handle.url);
  } catch (error) {
    await handle.stop();
    throw error;
  }
  return { url: handle.url, fresh: handle.created, embedded: true, release: handle.stop };
}

/** The database a process opened: where it is, whether it is new, and how to close it. */
export type OpenDatabase = Omit<DatabaseHandle, "release"> & {
  /** Closes the Prisma client and the pool, then stops the embedded server when this process started it. */
  close: () => Promise<void>;
};

/**
 * Opens the process's database for a composition root (server.ts, the CLI): resolves it and
 * brings its schema up to date (ensureDatabase), then points lib/db at it, so db(), pool() and
 * the collaboration server's storage all reach it through lib/db and nothing else opens its own.
 */
export async function openDatabase(opts: { purpose: "app" | "cli"; log?: (m: string) => void }): Promise<OpenDatabase> {
  const { release, ...database } = await ensureDatabase(opts);
  useDatabaseUrl(database.url);
  return {
    ...database,
    async close() {
      await disconnectDb().catch(() => {});
      await release();
    },
  };
}
