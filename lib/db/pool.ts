import "server-only";
import pg from "pg";
import { dependency } from "../health/dependency";
import { isDatabaseUnavailable } from "../health/unavailable";
import { errorFields, logger } from "../log";

const globalPools = globalThis as unknown as { marginaliaPools?: Map<string, pg.Pool> };

/** Connections of the process's one pool: Prisma, the hot read statements and the collaboration server share it. */
const POOL_SIZE = 20;

/**
 * The process's one Postgres pool for a database (Prisma's adapter, raw reads, the update log
 * and the annotation anchors all use it). An idle connection that dies (the server restarted)
 * is reported on the pool's `error` event: handled here, so it is one line in the log and never
 * an uncaught exception. A new connection means the database is reachable again.
 * Every connection forces synchronous_commit=on, so a committed append of the update log
 * survives a crash whatever the server's default (the other writes only gain from it).
 */
export function sharedPool(connectionString: string): pg.Pool {
  globalPools.marginaliaPools ??= new Map();
  let pool = globalPools.marginaliaPools.get(connectionString);
  if (!pool) {
    pool = createPool(connectionString, POOL_SIZE);
    globalPools.marginaliaPools.set(connectionString, pool);
  }
  return pool;
}

/** A pool with the same error handling, owned by its caller (tests and tools that end it themselves). */
export function createPool(connectionString: string, max: number): pg.Pool {
  const pool = new pg.Pool({ connectionString, max, options: "-c synchronous_commit=on", connectionTimeoutMillis: 5000 });
  pool.on("error", (error) => {
    if (isDatabaseUnavailable(error)) dependency("db").failed(error, "idle connection");
    else logger().error({ component: "db", ...errorFields(error) }, "an idle database connection failed");
  });
  pool.on("connect", (client) => {
    serializeQueries(client);
    dependency("db").succeeded();
  });
  return pool;
}

/**
 * Prisma's query interpreter sends independent statements of one transaction at once on its
 * connection; node-postgres queues them but warns that this is deprecated (an error from pg 9).
 * Promise-style queries on a connection are chained here instead, in the same order pg would
 * have run them. Callback-style calls (the pool's own query()) and cursors pass through.
 */
function serializeQueries(client: pg.PoolClient) {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let tail: Promise<unknown> = Promise.resolve();
  client.query = ((...args: unknown[]) => {
    const first = args[0] as { submit?: unknown } | undefined;
    if (typeof args[args.length - 1] === "function" || typeof first?.submit === "function") return query(...args);
    const run = tail.then(() => query(...args));
    tail = run.catch(() => {});
    return run;
  }) as typeof client.query;
}

/** Ends every shared pool (process exit, the end of a test file). */
export async function endSharedPools() {
  const pools = [...(globalPools.marginaliaPools?.values() ?? [])];
  globalPools.marginaliaPools?.clear();
  await Promise.all(pools.map((pool) => pool.end().catch(() => {})));
}
