import { describe, expect, it } from "vitest";
import * as reactionsRoute from "@/app/api/v1/annotations/[annotationId]/reactions/[kind]/route";
import * as resolveRoute from "@/app/api/v1/annotations/[annotationId]/resolve/route";
import { call } from "../integration/http";
import { annotate, groupWithEveryRole } from "../integration/fixtures";

// An annotation in a group the caller is not in must answer exactly like an id that never existed.
describe("annotation ids of other groups are indistinguishable from missing ones", () => {
  it("reactions and resolve give one and the same 404 for both", async () => {
    const theirs = await groupWithEveryRole();
    const note = await annotate(theirs.document.id, theirs.group.id, theirs.people.member.id);
    const mine = await groupWithEveryRole();
    const token = mine.tokens.owner;

    const probes = [
      (annotationId: string) => call(reactionsRoute.PUT, { method: "PUT", params: { annotationId, kind: "helpful" }, token }),
      (annotationId: string) => call(reactionsRoute.DELETE, { method: "DELETE", params: { annotationId, kind: "question" }, token }),
      (annotationId: string) => call(resolveRoute.POST, { method: "POST", params: { annotationId }, token }),
      (annotationId: string) => call(resolveRoute.DELETE, { method: "DELETE", params: { annotationId }, token }),
    ];
    for (const probe of probes) {
      const foreign = await probe(note.id);
      const missing = await probe("cmissingannotation0000000");
      expect(foreign.status).toBe(404);
      expect(missing.status).toBe(404);
      expect(foreign.data).toEqual(missing.data);
    }
  });
});
