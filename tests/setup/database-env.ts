import { afterAll, inject } from "vitest";
import { disconnectDb } from "../../lib/db";

// Every integration test file talks to the run's database through the app's own client.
process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "integration-tests-secret-not-for-production";

afterAll(async () => {
  await disconnectDb();
});
