import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:scale`: several collaboration processes sharing documents through a real Redis.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/scale/**/*.test.ts"],
    globalSetup: ["tests/setup/global-database.ts", "tests/scale/require-redis.ts"],
    setupFiles: ["tests/setup/database-env.ts"],
    server: { deps: { inline: ["next-auth"] } },
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
