import { afterAll, inject } from "vitest";
import type { Client } from "../integration/collab/harness";
import { kill, spawnCollab } from "../integration/collab/process";

/**
 * Collaboration server processes for a scale test file, each its own instance on the test
 * database and a Redis relay; they, the clients the tests push to `clients`, and whatever
 * `onCleanup` is given are stopped after the file.
 */
export function useCollabProcesses() {
  const clients: Client[] = [];
  const children: Awaited<ReturnType<typeof spawnCollab>>[] = [];
  const cleanups: (() => Promise<void>)[] = [];
  afterAll(async () => {
    clients.forEach((c) => c.destroy());
    for (const c of children) await kill(c.child, "SIGTERM");
    for (const cleanup of cleanups) await cleanup();
  });
  return {
    clients,
    onCleanup(cleanup: () => Promise<void>) {
      cleanups.push(cleanup);
    },
    /** Two instances, started one after the other, relaying through `redisUrl` (REDIS_URL unless given). */
    async startTwo({ redisUrl = process.env.REDIS_URL!, env = {} }: { redisUrl?: string; env?: Record<string, string> } = {}) {
      const full = { DATABASE_URL: inject("databaseUrl"), REDIS_URL: redisUrl, ...env };
      const a = await spawnCollab(full);
      const b = await spawnCollab(full);
      children.push(a, b);
      return [a, b] as const;
    },
  };
}
