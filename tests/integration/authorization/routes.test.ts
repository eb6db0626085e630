import { beforeAll, describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../../factories";
import { tokenOf, world, type World } from "./fixtures";
import { expectedRow, PEOPLE } from "./matrix";
import { callRoute, routeName, STATUS } from "./route-calls";
import { ROUTES } from "./routes";

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("route handlers: every role × every route and method, outcome derived from the policy table", () => {
  for (const entry of ROUTES) {
    it(routeName(entry), async () => {
      const want = expectedRow(entry.rule, (outcome) => (outcome === "ok" ? entry.ok : STATUS[outcome]));
      const got: Record<string, number> = {};
      for (const person of PEOPLE) {
        const token = entry.ownAccount && person !== "anonymous" ? await tokenFor((await createUser()).id) : tokenOf(w, person);
        got[person] = (await callRoute(entry, w, person, token)).status;
      }
      expect(got).toEqual(want);
    });
  }
});
