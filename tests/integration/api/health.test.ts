import { afterEach, beforeAll, describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import { db, disconnectDb } from "@/lib/db";
import { dependency } from "@/lib/health/dependency";

const redisBefore = process.env.REDIS_URL;
afterEach(() => {
  if (redisBefore === undefined) delete process.env.REDIS_URL;
  else process.env.REDIS_URL = redisBefore;
  dependency("redis").succeeded();
});

// The health check allows five seconds for the database's answer; the first query of a test
// worker also loads the client, which on a busy machine can take longer: warm it first.
beforeAll(async () => {
  await db().$queryRaw`SELECT 1`;
});

describe("GET /api/health", () => {
  it("reports the app and database as ok, and Redis as unused without REDIS_URL", async () => {
    delete process.env.REDIS_URL;
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok", redis: "unused" });
  });

  it("answers 503 when the database is unreachable", async () => {
    const real = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    try {
      const response = await health.GET();
      expect(response.status).toBe(503);
      expect(await response.json()).toMatchObject({ status: "unavailable", db: "unreachable" });
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = real;
    }
    expect((await health.GET()).status).toBe(200);
  });

  it("still serves (200) when only Redis is away, and says so", async () => {
    process.env.REDIS_URL = "redis://127.0.0.1:6379";
    expect(await (await health.GET()).json()).toEqual({ status: "ok", db: "ok", redis: "ok" });
    dependency("redis").failed(new Error("connect ECONNREFUSED 127.0.0.1:6379"), "test");
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "degraded", db: "ok", redis: "unreachable" });
    dependency("redis").succeeded();
    expect(await (await health.GET()).json()).toEqual({ status: "ok", db: "ok", redis: "ok" });
  });
});
