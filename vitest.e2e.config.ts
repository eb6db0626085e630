import path from "node:path";
import { defineConfig } from "vitest/config";

// `npm run test:e2e`: the built app in a real server process, driven in Debian's Chromium.
export default defineConfig({
  resolve: { alias: { "@": path.resolve(import.meta.dirname) } },
  test: {
    include: ["tests/e2e/**/*.test.ts"],
    globalSetup: ["tests/e2e/setup/global-app.ts"],
    testTimeout: 60_000,
    hookTimeout: 240_000,
    // One browser per file; files run one at a time so the two cores serve the app.
    fileParallelism: false,
  },
});
