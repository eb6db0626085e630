import { describe, expect, it } from "vitest";
import { can, ROLES } from "@/lib/policies";

// Written out by hand: who may mute or change the role of whom (member.change; below moderator, nobody).
const REACHES: Record<string, string[]> = {
  viewer: [],
  member: [],
  editor: [],
  moderator: ["viewer", "member", "editor"],
  owner: ["viewer", "member", "editor", "moderator", "owner"],
};

describe("member.change: role × role", () => {
  for (const actor of ROLES) {
    for (const target of ROLES) {
      const expected = REACHES[actor].includes(target);
      it(`${actor} ${expected ? "may" : "may not"} change a ${target}`, () => {
        expect(can({ role: actor, muted: false }, "member.change", { role: target })).toBe(expected);
      });
    }
  }
  it("outsiders change nobody", () => expect(can(null, "member.change", { role: "viewer" })).toBe(false));
});
