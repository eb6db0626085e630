import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "@": path.resolve(import.meta.dirname) };

// `npm test`: unit tests (pure code) and integration tests (real Postgres: embedded, one
// per run, or a fresh database on DATABASE_URL's server). Browser tests: vitest.e2e.config.ts.
export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        // Property tests run a fixed number of cases: on a loaded machine (CI builds beside them) they
        // need more than the default 5 s; a timeout here guards against hangs, it measures nothing.
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000 },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"],
          environment: "node",
          globalSetup: ["tests/setup/global-database.ts"],
          setupFiles: ["tests/setup/database-env.ts"],
          // next-auth imports "next/server" without an extension, which Node's ESM resolver rejects; let Vite resolve it.
          server: { deps: { inline: ["next-auth"] } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
