import "server-only";
import { db } from "../db";
import { env } from "../env";
import { dependency, isDatabaseOutage } from "../health/dependency";

export type Health = {
  /** ok: everything answers; degraded: serving, without something (Redis); unavailable: cannot serve. */
  status: "ok" | "degraded" | "unavailable";
  db: "ok" | "unreachable";
  /** "unused" without REDIS_URL; otherwise what the collaboration relay's connection says. */
  redis: "ok" | "unreachable" | "unused";
};

/**
 * True when the database answers a trivial query within five seconds: a refused connection fails
 * at once; the bound is for one that hangs, and leaves room for the first connection of a cold
 * process on a busy machine.
 */
export async function checkDatabase(): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error("timeout exceeded when trying to connect"), { code: "ETIMEDOUT" })), 5000))),
    ]);
    return true;
  } catch (error) {
    isDatabaseOutage(error, "health check");
    return false;
  } finally {
    clearTimeout(timer);
  }
}

/** The instance's state for load balancers and monitors: it cannot serve without its database; Redis only links instances. */
export async function checkHealth(): Promise<Health> {
  const database = (await checkDatabase()) ? "ok" : "unreachable";
  const redis = env().REDIS_URL ? dependency("redis").state : "unused";
  const status = database !== "ok" ? "unavailable" : redis === "unreachable" ? "degraded" : "ok";
  return { status, db: database, redis };
}
