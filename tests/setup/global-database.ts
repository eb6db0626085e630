import type { TestProject } from "vitest/node";
import { createScratchDatabase } from "../../lib/db/scratch-database";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One real Postgres per test run, migrated once: a fresh database on DATABASE_URL's server
 * when set, otherwise an embedded Postgres in a temporary folder.
 */
export default async function setup(project: TestProject) {
  const database = await createScratchDatabase({ external: process.env.DATABASE_URL, prefix: "marginalia_test" });
  project.provide("databaseUrl", database.url);
  return database.drop;
}
