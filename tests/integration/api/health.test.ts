import { describe, expect, it } from "vitest";
import * as health from "@/app/api/health/route";
import { disconnectDb } from "@/lib/db";

describe("GET /api/health", () => {
  it("reports the app and database as ok", async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok", db: "ok" });
  });

  it("answers 503 when the database is unreachable", async () => {
    const real = process.env.DATABASE_URL;
    await disconnectDb();
    process.env.DATABASE_URL = "postgresql://nobody:nothing@127.0.0.1:1/none";
    try {
      const response = await health.GET();
      expect(response.status).toBe(503);
      expect((await response.json()).db).toBe("unreachable");
    } finally {
      await disconnectDb();
      process.env.DATABASE_URL = real;
    }
    expect((await health.GET()).status).toBe(200);
  });
});
