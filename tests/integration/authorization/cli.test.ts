import { spawnSync } from "node:child_process";
import { tsxImports } from "../../../scripts/node-flags.mjs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { world, type World } from "./fixtures";
import { expectedOutcome } from "./matrix";
import { callRoute, expectedAnswer, observedAnswer, ROOT } from "./route-calls";
import { ROUTES } from "./routes";

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("CLI: a token from `token create` acts with exactly its holder's rights", () => {
  it("the muted member's CLI token gets the muted member's whole route row", async () => {
    const issued = spawnSync(process.execPath, [...tsxImports(), "lib/cli/main.ts", "token", "create", "--email", w.users.muted.email, "--label", "matrix"], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: inject("databaseUrl") },
      encoding: "utf8",
      timeout: 60_000,
    });
    expect(issued.status, issued.stderr).toBe(0);
    const token = issued.stdout.trim().split("\n").at(-1)!;
    const want: Record<string, string> = {};
    const got: Record<string, string> = {};
    // Entries that change the caller's own account (its password, its existence) run as throwaway accounts in routes.test.ts.
    for (const entry of ROUTES.filter((e) => !e.ownAccount)) {
      const name = `${entry.method} ${entry.file}${entry.variant ? ` (${entry.variant})` : ""}`;
      want[name] = expectedAnswer(entry, expectedOutcome(entry.rule, "muted"));
      got[name] = observedAnswer(entry, await callRoute(entry, w, "muted", token), w, "muted");
    }
    expect(got).toEqual(want);
  }, 60_000);
});
