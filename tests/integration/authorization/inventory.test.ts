import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ACTIONS_MATRIX } from "./actions";
import { CLI_COMMANDS } from "./cli";
import { ACTION_NAMES } from "@/lib/policies";
import { COLLAB_OPERATIONS } from "./collab";
import { HTTP_METHODS } from "./matrix";
import { PAGES } from "./pages";
import { ROUTES } from "./routes";
import { TRUTH_ROWS } from "./truth";

const ROOT = path.resolve(import.meta.dirname, "../../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");

/** Files under app/ whose name matches, as repository paths. */
function filesUnderApp(name: RegExp): string[] {
  return (readdirSync(path.join(ROOT, "app"), { recursive: true }) as string[])
    .map((f) => path.posix.join("app", f.split(path.sep).join("/")))
    .filter((f) => name.test(path.posix.basename(f)))
    .sort();
}

/** Names a module exports as values: `export const|function|async function NAME` and `export { A, B as C }`. */
function exportedNames(source: string): string[] {
  const names = [...source.matchAll(/^export\s+(?:const|let|async\s+function|function)\s+([A-Za-z_$][\w$]*)/gm)].map((m) => m[1]);
  for (const list of source.matchAll(/^export\s*\{([^}]*)\}/gm)) {
    for (const part of list[1].split(",")) {
      const name = part.trim().split(/\s+as\s+/).pop()?.trim();
      if (name && !name.startsWith("type ")) names.push(name);
    }
  }
  return names;
}

const key = (...parts: string[]) => parts.join(" ");

describe("the matrix names every entry point, and only existing ones", () => {
  it("route handlers: every route file's exported HTTP method has an entry", () => {
    const present = filesUnderApp(/^route\.(ts|tsx|js)$/).flatMap((file) =>
      exportedNames(read(file)).filter((n) => (HTTP_METHODS as readonly string[]).includes(n)).map((method) => key(method, file)),
    );
    const declared = new Set(ROUTES.map((r) => key(r.method, r.file)));
    expect(present.filter((k) => !declared.has(k)), "routes missing from tests/integration/authorization/routes.ts").toEqual([]);
    expect([...declared].filter((k) => !present.includes(k)), "matrix entries for routes or methods that no longer exist").toEqual([]);
  });

  it("server actions: every export of lib/actions/*.ts has an entry", () => {
    const files = readdirSync(path.join(ROOT, "lib/actions")).filter((f) => /\.(ts|tsx)$/.test(f)).map((f) => `lib/actions/${f}`);
    const present = files.flatMap((file) => exportedNames(read(file)).map((name) => key(name, file)));
    const declared = new Set(ACTIONS_MATRIX.map((a) => key(a.name, a.file)));
    expect(present.filter((k) => !declared.has(k)), "server actions missing from tests/integration/authorization/actions.ts").toEqual([]);
    expect([...declared].filter((k) => !present.includes(k)), "matrix entries for actions that no longer exist").toEqual([]);
  });

  it("pages: every app/**/page.tsx has an entry", () => {
    const present = filesUnderApp(/^page\.(tsx|ts|jsx|js)$/);
    const declared = PAGES.map((p) => p.file);
    expect(present.filter((f) => !declared.includes(f)), "pages missing from tests/integration/authorization/pages.ts").toEqual([]);
    expect(declared.filter((f) => !present.includes(f)), "matrix entries for pages that no longer exist").toEqual([]);
  });

  it("CLI: every command in the CLI's usage (lib/cli/commands.ts) has an entry", () => {
    const usage = read("lib/cli/commands.ts").match(/const USAGE = `([\s\S]*?)`/)?.[1] ?? "";
    const present = [...usage.matchAll(/npm run cli -- (\w+) (\w+)/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(present.length).toBeGreaterThan(0);
    const declared = CLI_COMMANDS.map((c) => c.command);
    expect(present.filter((c) => !declared.includes(c)), "CLI commands missing from tests/integration/authorization/cli.ts").toEqual([]);
    expect(declared.filter((c) => !present.includes(c)), "matrix entries for CLI commands that no longer exist").toEqual([]);
  });

  it("every action of the permission table governs some entry point, except those no entry point offers yet", () => {
    // Actions declared in ACTIONS that no route, action or page offers yet (none since deleting groups and documents arrived).
    const NO_ENTRY_POINT_YET: string[] = [];
    const governing = new Set([...ROUTES, ...ACTIONS_MATRIX, ...PAGES, ...COLLAB_OPERATIONS].map((e) => e.rule.name.split(" ")[0]));
    expect(ACTION_NAMES.filter((a) => !governing.has(a)).sort()).toEqual([...NO_ENTRY_POINT_YET].sort());
  });

  it("every row of the hand-written truth table governs some entry point", () => {
    const used = new Set([...ROUTES, ...ACTIONS_MATRIX, ...PAGES, ...COLLAB_OPERATIONS].map((e) => e.rule.name));
    expect(Object.keys(TRUTH_ROWS).filter((row) => !used.has(row))).toEqual([]);
  });
});
