import { describe, expect, it } from "vitest";
import { ACTIONS, ACTION_NAMES, abilities, authorize, can, ROLES, roleRank, type Role } from "@/lib/policies";
import { ForbiddenError, NotFoundError } from "@/lib/errors";
import { canReattachAnnotation, type AnnotationFacts } from "@/lib/policies/annotations";

// The expected matrix is written out by hand, independently of the table, so a change to
// the table that is not also made here fails.
const EXPECTED: Record<string, Role> = {
  "group.read": "viewer",
  "group.update": "owner",
  "group.delete": "owner",
  "member.manage": "owner",
  "member.mute": "moderator",
  "document.read": "viewer",
  "document.create": "editor",
  "document.edit": "editor",
  "document.delete": "owner",
  "annotation.create": "member",
  "annotation.flag": "viewer",
  "annotation.moderate": "moderator",
  "annotation.reattach": "moderator",
  "thread.lock": "moderator",
  "moderation.read": "moderator",
  "moderation.note": "moderator",
};
const POSTING = new Set(["document.create", "document.edit", "annotation.create"]);

describe("policies: role × action matrix", () => {
  it("covers exactly the actions of the table", () => {
    expect([...ACTION_NAMES].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  for (const action of ACTION_NAMES) {
    for (const role of ROLES) {
      for (const muted of [false, true]) {
        const expected = roleRank(role) >= roleRank(EXPECTED[action]) && !(muted && POSTING.has(action));
        it(`${role}${muted ? " (muted)" : ""} ${expected ? "may" : "may not"} ${action}`, () => {
          expect(can({ role, muted }, action)).toBe(expected);
          if (expected) expect(() => authorize({ role, muted }, action)).not.toThrow();
          else expect(() => authorize({ role, muted }, action)).toThrow(ForbiddenError);
        });
      }
    }
    it(`an outsider may not ${action} and gets NotFound, not Forbidden`, () => {
      expect(can(null, action)).toBe(false);
      expect(() => authorize(null, action)).toThrow(NotFoundError);
    });
  }

  it("abilities lists every action", () => {
    const a = abilities({ role: "editor", muted: false });
    expect(Object.keys(a).sort()).toEqual(Object.keys(ACTIONS).sort());
    expect(a["document.edit"]).toBe(true);
    expect(a["annotation.moderate"]).toBe(false);
  });
});

describe("policies: re-attaching an orphan", () => {
  const note = (authorId: string, extra: Partial<AnnotationFacts> = {}): AnnotationFacts => ({ authorId, visibility: "group", status: "approved", ...extra });
  const viewer = (role: Role | null, muted = false) => ({ userId: "me", membership: role ? { role, muted } : null });

  it("its author may, while they may post", () => {
    expect(canReattachAnnotation(viewer("member"), note("me"))).toBe(true);
    expect(canReattachAnnotation(viewer("member", true), note("me"))).toBe(false);
    expect(canReattachAnnotation(viewer("viewer"), note("me"))).toBe(false);
  });

  it("moderators and owners may for anyone's note they can see; other members may not", () => {
    for (const role of ["viewer", "member", "editor"] as const) expect(canReattachAnnotation(viewer(role), note("other"))).toBe(false);
    for (const role of ["moderator", "owner"] as const) expect(canReattachAnnotation(viewer(role), note("other"))).toBe(true);
    expect(canReattachAnnotation(viewer("moderator"), note("other", { visibility: "private" }))).toBe(false);
    expect(canReattachAnnotation(viewer(null), note("me"))).toBe(false);
  });
});
