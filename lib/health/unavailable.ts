/** Socket-level failures: the database (or the network to it) is not there. */
const NETWORK_CODES = new Set(["ECONNREFUSED", "ECONNRESET", "ETIMEDOUT", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN", "ECONNABORTED", "ESHUTDOWN"]);
/**
 * Postgres SQLSTATEs of a server going away or refusing for now: class 08 (connection
 * exception), admin/crash shutdown, "the database system is starting up", too many connections.
 */
const SERVER_CODES = new Set(["57P01", "57P02", "57P03", "53300"]);
/** Prisma's codes for the same: can't reach, timed out, server closed the connection, no pool connection in time. */
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
/** node-postgres and pg-pool say these in words only. */
const MESSAGES = /Connection terminated|connection error|timeout exceeded when trying to connect|Can't reach database server|server closed the connection|terminating connection due to administrator command|the database system is (starting up|shutting down|in recovery mode)|Client was closed and is not queryable|Cannot use a pool after calling end/i;

/**
 * True when an error means the database could not be reached or dropped the connection, as
 * opposed to a bad query or a constraint: such a request did not happen and may be retried.
 * Looks through the causes Prisma and the driver adapter wrap around the driver's error.
 */
export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const e = error as { code?: unknown; message?: unknown; cause?: unknown; meta?: unknown; name?: unknown; errors?: unknown };
  if (e.name === "PrismaClientInitializationError") return true;
  if (typeof e.code === "string") {
    if (NETWORK_CODES.has(e.code) || SERVER_CODES.has(e.code) || PRISMA_CODES.has(e.code) || e.code.startsWith("08")) return true;
  }
  if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  // An AggregateError (several addresses refused), or the driver adapter's error inside Prisma's.
  if (Array.isArray(e.errors) && e.errors.some((inner) => isDatabaseUnavailable(inner, depth + 1))) return true;
  // next-auth wraps the error its callbacks threw as `cause.err`.
  const meta = e.meta as { driverAdapterError?: unknown } | undefined;
  const wrapped = (e.cause as { err?: unknown } | undefined)?.err;
  return isDatabaseUnavailable(e.cause, depth + 1) || isDatabaseUnavailable(wrapped, depth + 1) || isDatabaseUnavailable(meta?.driverAdapterError, depth + 1);
}
