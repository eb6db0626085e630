import { beforeAll, describe, expect, it } from "vitest";
import { createUser, tokenFor } from "../../factories";
import { tokenOf, world, type World } from "./fixtures";
import { expectedRow, PEOPLE } from "./matrix";
import { callRoute, expectedAnswer, observedAnswer, routeName } from "./route-calls";
import { ROUTES } from "./routes";

let w: World;
beforeAll(async () => {
  w = await world();
});

describe("route handlers: every role × every route and method, outcome derived from the policy table", () => {
  for (const entry of ROUTES) {
    it(routeName(entry), async () => {
      const want = expectedRow(entry.rule, (outcome) => expectedAnswer(entry, outcome));
      const got: Record<string, string> = {};
      for (const person of PEOPLE) {
        const token = entry.ownAccount && person !== "anonymous" ? await tokenFor((await createUser()).id) : tokenOf(w, person);
        got[person] = observedAnswer(entry, await callRoute(entry, w, person, token), w, person);
      }
      expect(got).toEqual(want);
    });
  }
});
