import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:fuzz`: the collaboration convergence fuzz (COLLAB_FUZZ_SEEDS, COLLAB_FUZZ_SEED to replay one).
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/integration/collab/fuzz/**/*.fuzz.ts"],
    globalSetup: ["tests/setup/global-database.ts"],
    setupFiles: ["tests/setup/database-env.ts"],
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
