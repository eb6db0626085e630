import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/policies";
import { viewerFor } from "@/lib/policies/viewer";

const base = { userId: "u1", groupId: "g1", group: { anonymousToPeers: false } };

describe("viewerFor", () => {
  it("carries the group it was built for, with the membership", () => {
    expect(viewerFor({ ...base, membership: { role: "member", muted: true } })).toMatchObject({ userId: "u1", groupId: "g1", membership: { role: "member", muted: true } });
  });

  it("hides others' notes until the viewer posts on a document that hides them; moderators and owners see all (hand-written per role)", () => {
    const expected = { viewer: true, member: true, editor: true, moderator: false, owner: false };
    for (const role of ROLES) {
      const hidden = (hideUntilPosted: boolean, posted: boolean) => viewerFor({ ...base, membership: { role, muted: false }, document: { hideUntilPosted, posted } }).hiddenUntilPosted;
      expect(hidden(true, false), role).toBe(expected[role]);
      expect(hidden(true, true), role).toBe(false);
      expect(hidden(false, false), role).toBe(false);
    }
  });

  it("withholds peers' names in an anonymous group from everyone below moderator", () => {
    const anonymous = (role: (typeof ROLES)[number]) => viewerFor({ ...base, group: { anonymousToPeers: true }, membership: { role, muted: false } }).anonymousPeers;
    expect(ROLES.filter(anonymous)).toEqual(["viewer", "member", "editor"]);
    expect(viewerFor({ ...base, membership: { role: "member", muted: false } }).anonymousPeers).toBe(false);
  });

  it("a reader without an account holds no membership, and hide-and-reveal needs someone who could post", () => {
    expect(viewerFor({ ...base, userId: null, membership: null, document: { hideUntilPosted: true, posted: false } })).toEqual({ userId: null, groupId: "g1", membership: null, anonymousPeers: false });
  });
});
