import path from "node:path";
import { defineConfig, type TestProjectInlineConfiguration } from "vitest/config";

/**
 * lib/db, lib/queries and lib/commands say `import "server-only"` (a client component reaching them
 * fails Next's build); tests run them in plain Node, so the marker is its empty module here, as in
 * Next's server layers and in scripts/server-only.mjs for server.ts and the CLI.
 */
const alias = { "@": path.resolve(import.meta.dirname), "server-only": path.resolve(import.meta.dirname, "node_modules/server-only/empty.js") };

/** Tests that talk to a real Postgres: embedded, one per run, or a fresh database on DATABASE_URL's server. */
const database = {
  environment: "node",
  globalSetup: ["tests/setup/global-database.ts"],
  setupFiles: ["tests/setup/database-env.ts"],
  // next-auth imports "next/server" without an extension, which Node's ESM resolver rejects; let Vite resolve it.
  server: { deps: { inline: ["next-auth"] } },
} satisfies TestProjectInlineConfiguration["test"];

const INTEGRATION = ["tests/integration/**/*.test.ts", "tests/security/**/*.test.ts"];
/** Integration files that mock modules (next/headers, next-auth) or count the process's own rate limits from zero. */
const ISOLATED = [
  "tests/integration/authorization/actions.test.ts",
  "tests/integration/authorization/pages.test.ts",
  "tests/integration/collab/bad-input.test.ts",
  "tests/security/connection-limits.test.ts",
  "tests/security/forwarded-headers.test.ts",
  "tests/security/password-change.test.ts",
  "tests/security/sign-up-enumeration.test.ts",
];

const project = (test: TestProjectInlineConfiguration["test"]): TestProjectInlineConfiguration => ({ resolve: { alias }, test });

// One configuration, one project per kind of test; pick them with --project (package.json scripts):
//   npm test            unit + integration (+ integration-isolated): pure code; real Postgres
//   npm run test:e2e    the built app in a real server process, driven in Debian's Chromium
//   npm run test:fuzz   the collaboration convergence fuzz (COLLAB_FUZZ_SEEDS, COLLAB_FUZZ_SEED to replay one)
//   npm run test:scale  several collaboration processes sharing documents through a real Redis
//   npm run test:faults two app instances through Postgres and Redis outages (played by TCP proxies) and a kill -9
export default defineConfig({
  resolve: { alias },
  test: {
    // Integration files wait on the database more than they compute: two workers even on two cores.
    maxWorkers: 2,
    projects: [
      // Property tests run a fixed number of cases: on a loaded machine (CI builds beside them) they
      // need more than the default 5 s; a timeout here guards against hangs, it measures nothing.
      //
      // Unit and most integration files share their worker's modules (isolate: false): importing
      // the app's module graph afresh for every file was most of the suite's CPU time. Files that
      // replace modules (vi.mock) or need the process's in-memory limits fresh run isolated.
      project({ name: "unit", include: ["tests/unit/**/*.test.ts"], environment: "node", testTimeout: 30_000, isolate: false }),
      project({
        name: "integration",
        include: INTEGRATION,
        exclude: ISOLATED,
        ...database,
        testTimeout: 30_000,
        hookTimeout: 60_000,
        isolate: false,
      }),
      project({ name: "integration-isolated", include: ISOLATED, ...database, testTimeout: 30_000, hookTimeout: 60_000 }),
      project({ name: "fuzz", include: ["tests/integration/collab/fuzz/**/*.fuzz.ts"], ...database, testTimeout: 60_000, hookTimeout: 60_000 }),
      project({
        name: "scale",
        include: ["tests/scale/**/*.test.ts"],
        ...database,
        globalSetup: [...database.globalSetup, "tests/scale/require-redis.ts"],
        testTimeout: 60_000,
        hookTimeout: 60_000,
      }),
      project({
        name: "faults",
        include: ["tests/faults/**/*.test.ts"],
        ...database,
        globalSetup: [...database.globalSetup, "tests/faults/setup.ts"],
        testTimeout: 120_000,
        hookTimeout: 240_000,
        // Each file runs two app instances: one file at a time.
        fileParallelism: false,
      }),
      project({
        name: "e2e",
        include: ["tests/e2e/**/*.test.ts"],
        environment: "node",
        globalSetup: ["tests/e2e/setup/global-app.ts"],
        // A guard against hangs, not a measure: two files share the machine with the rest of CI.
        testTimeout: 120_000,
        hookTimeout: 240_000,
        // One browser per file; files run one at a time by default (CI runs two at once: --fileParallelism).
        fileParallelism: false,
      }),
    ],
  },
});
