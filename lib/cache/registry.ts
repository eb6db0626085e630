/** Anything a process keeps to answer faster, and can forget without being wrong. */
type Clearable = { clear(): void };

const caches = new Map<string, Clearable>();

/** Registers a per-process cache under a name (one per cache), so it can be emptied with the others; returns it. */
export function registerCache<C extends Clearable>(name: string, cache: C): C {
  caches.set(name, cache);
  return cache;
}

/** Empties every registered cache: the process answers as if it had just started (benchmarks of a cold start). */
export function clearCaches(): void {
  for (const cache of caches.values()) cache.clear();
}

