import path from "node:path";
import { ESLint } from "eslint";
import { describe, expect, it } from "vitest";

// The layers' import boundaries of eslint.config.mjs, held to what the config's header says:
// each case lints one import as if written in a file at that path.
const ROOT = path.resolve(import.meta.dirname, "../../..");
const eslint = new ESLint({ cwd: ROOT });

async function refused(file: string, specifier: string): Promise<boolean> {
  const [result] = await eslint.lintText(`import * as probe from "${specifier}";\nexport const used = probe;\n`, { filePath: path.join(ROOT, file) });
  return result.messages.some((m) => m.ruleId === "no-restricted-imports");
}

const CASES: [file: string, specifier: string, refusedThere: boolean][] = [
  // The system reads (lib/queries/system: no reader) stay inside the server's own machinery.
  ["app/(app)/groups/[groupId]/probe.tsx", "@/lib/queries/system/recipients", true],
  ["app/api/v1/probe/route.ts", "@/lib/queries/system/annotations", true],
  ["components/annotations/probe.tsx", "@/lib/queries/system/annotations", true],
  ["lib/actions/probe.ts", "@/lib/queries/system/annotations", true],
  ["lib/w3c/probe.ts", "../queries/system/annotations", true],
  ["lib/presenters/probe.ts", "../queries/system/document-state", true],
  ["lib/commands/probe.ts", "../queries/system/annotations", false],
  ["lib/queries/probe.ts", "./system/recipients", false],
  ["lib/collab/probe.ts", "../queries/system/anchors", false],
  ["lib/annotations/probe.ts", "../queries/system/document-state", false],
  ["lib/moderation/probe.ts", "../queries/system/recipients", false],
  // Guarded queries are for everyone.
  ["app/api/v1/probe/route.ts", "@/lib/queries/annotations", false],
  // The database only from lib/db, lib/queries and lib/commands.
  ["app/api/v1/probe/route.ts", "@/lib/db", true],
  ["lib/w3c/probe.ts", "../db", true],
  ["lib/queries/probe.ts", "../db", false],
  // The pool and the database's start-up are lib/db's own; server.ts opens the database through lib/db.
  ["lib/commands/probe.ts", "../db/pool", true],
  ["lib/collab/server.ts", "../db/pool", true],
  ["lib/collab/server.ts", "../db", false],
  ["server.ts", "./lib/db/pool", true],
  ["server.ts", "./lib/db/embedded-postgres", true],
  ["server.ts", "pg", true],
  ["server.ts", "./lib/db/ensure-database", false],
  ["server.ts", "./lib/collab/server", false],
  // Downwards only.
  ["components/annotations/probe.tsx", "@/app/(app)/layout", true],
  ["lib/presenters/probe.ts", "@/components/ui/button", true],
];

describe("eslint.config.mjs: which layer may import which", () => {
  for (const [file, specifier, refusedThere] of CASES) {
    it(`${file} ${refusedThere ? "may not" : "may"} import ${specifier}`, async () => {
      expect(await refused(file, specifier)).toBe(refusedThere);
    });
  }
});
