import { afterAll, describe, expect, inject, it } from "vitest";
import { db, pool } from "@/lib/db";
import { openDatabase } from "@/lib/db/ensure-database";

// openDatabase is how server.ts and the CLI reach their database: afterwards db(), pool() and the
// collaboration server's storage (built on pool()) all run on the database it opened.
const testDatabase = inject("databaseUrl");

afterAll(() => {
  process.env.DATABASE_URL = testDatabase;
});

describe("openDatabase", () => {
  it("points lib/db at the database it opened, and close() ends the client and the pool", async () => {
    // The same database under another connection string, so the pool it leads to is told apart.
    const url = `${testDatabase}${testDatabase.includes("?") ? "&" : "?"}application_name=open-database-test`;
    process.env.DATABASE_URL = url;
    const database = await openDatabase({ purpose: "cli" });
    expect(database).toMatchObject({ url, embedded: false, fresh: false });
    expect(pool().options.connectionString).toBe(url);
    const [{ name }] = await db().$queryRaw<{ name: string }[]>`SELECT current_setting('application_name') AS name`;
    expect(name).toBe("open-database-test");
    const opened = pool();
    await database.close();
    expect(opened.ended).toBe(true);
  });
});
