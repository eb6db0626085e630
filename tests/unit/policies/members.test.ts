import { describe, expect, it } from "vitest";
import { ROLES } from "@/lib/policies";
import { mayChangeMember, seesMemberEmails } from "@/lib/policies/members";

// Written out by hand: who may mute or change the role of whom.
const REACHES: Record<string, string[]> = {
  viewer: [],
  member: ["viewer"],
  editor: ["viewer", "member"],
  moderator: ["viewer", "member", "editor"],
  owner: ["viewer", "member", "editor", "moderator", "owner"],
};

describe("mayChangeMember: role × role", () => {
  for (const actor of ROLES) {
    for (const target of ROLES) {
      const expected = REACHES[actor].includes(target);
      it(`${actor} ${expected ? "may" : "may not"} change a ${target}`, () => {
        expect(mayChangeMember({ role: actor, muted: false }, { role: target })).toBe(expected);
      });
    }
  }
  it("outsiders change nobody", () => expect(mayChangeMember(null, { role: "viewer" })).toBe(false));
});

describe("seesMemberEmails", () => {
  it("moderators and owners only", () => {
    expect(ROLES.filter((role) => seesMemberEmails({ role, muted: false }))).toEqual(["moderator", "owner"]);
    expect(seesMemberEmails(null)).toBe(false);
  });
});
