import { spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { tsxImports } from "../../../scripts/node-flags.mjs";

// lib/db, lib/queries and lib/commands are marked `import "server-only"`: Next fails the build of a
// client component that reaches them, and plain Node loads them only through scripts/server-only.mjs.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const MARKED = ["lib/db", "lib/queries", "lib/commands"];

function loadInNode(nodeArgs: string[], module: string) {
  const script = `await import(${JSON.stringify(path.join(ROOT, module))}); console.log("LOADED");`;
  return spawnSync(process.execPath, [...nodeArgs, "--input-type=module", "-e", script], { cwd: ROOT, encoding: "utf8", timeout: 60_000 });
}

describe('import "server-only"', () => {
  it("marks every module of lib/db, lib/queries and lib/commands", () => {
    const files = MARKED.flatMap((dir) =>
      (readdirSync(path.join(ROOT, dir), { recursive: true }) as string[]).filter((f) => f.endsWith(".ts")).map((f) => path.posix.join(dir, f.split(path.sep).join("/"))),
    );
    expect(files.length).toBeGreaterThan(50);
    expect(files.filter((f) => !/^import "server-only";$/m.test(readFileSync(path.join(ROOT, f), "utf8")))).toEqual([]);
  });

  it("loads in the server's Node processes (tsxImports: tsx and the server-only hook)", () => {
    const run = loadInNode(tsxImports(), "lib/queries/health.ts");
    expect(run.stderr).not.toMatch(/cannot be imported/);
    expect(run.stdout).toContain("LOADED");
  });

  it("is refused by Node without the hook, as React means it to be outside a server layer", () => {
    const run = loadInNode(["--import", "tsx"], "lib/queries/health.ts");
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/This module cannot be imported from a Client Component module/);
  });
});
