import { AsyncLocalStorage } from "node:async_hooks";

type Watch = { outage?: unknown };
const globalWatch = globalThis as unknown as { marginaliaOutageWatch?: AsyncLocalStorage<Watch> };
const storage = () => (globalWatch.marginaliaOutageWatch ??= new AsyncLocalStorage<Watch>());

/**
 * Runs `work` and says whether anything inside it met a database outage that it did not throw.
 * For libraries that swallow their callbacks' errors and answer as if nothing happened: next-auth
 * turns a failed sign-in lookup into "wrong password", a failed sign-out into a cleared cookie, and
 * its session route answers from the cookie alone. The route that calls it answers 503 instead.
 */
export async function watchForOutage<T>(work: () => Promise<T>): Promise<{ result: T; outage?: unknown }> {
  const watch: Watch = {};
  const result = await storage().run(watch, work);
  return { result, outage: watch.outage };
}

/** Tells the surrounding watchForOutage, if any, that the database could not be reached. */
export function noteOutage(error: unknown) {
  const watch = storage().getStore();
  if (watch && watch.outage === undefined) watch.outage = error;
}
