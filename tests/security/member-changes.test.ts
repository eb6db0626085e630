import { describe, expect, it } from "vitest";
import * as members from "@/app/api/v1/groups/[groupId]/members/route";
import * as member from "@/app/api/v1/groups/[groupId]/members/[userId]/route";
import { db } from "@/lib/db";
import { createGroup, createMember, tokenFor } from "../factories";
import { call } from "../integration/http";

const patch = (groupId: string, userId: string, token: string, json: unknown) => call(member.PATCH, { method: "PATCH", params: { groupId, userId }, token, json });

describe("mutes and role changes reach only lower roles", () => {
  it("a moderator cannot mute the owner or another moderator, and nothing changes", async () => {
    const { group, owner } = await createGroup();
    const moderator = await createMember(group.id, "moderator");
    const colleague = await createMember(group.id, "moderator");
    const reader = await createMember(group.id, "member");
    const token = await tokenFor(moderator.id);

    for (const target of [owner, colleague]) {
      const res = await patch(group.id, target.id, token, { muted: true });
      expect(res.status).toBe(403);
      expect(res.data.error.code).toBe("forbidden");
    }
    expect(await db().membership.count({ where: { groupId: group.id, muted: true } })).toBe(0);
    expect(await db().moderationLogEntry.count({ where: { groupId: group.id } })).toBe(0);

    // Below their own role they still may.
    expect((await patch(group.id, reader.id, token, { muted: true })).status).toBe(200);
    // Owners reach moderators.
    expect((await patch(group.id, moderator.id, await tokenFor(owner.id), { muted: true })).status).toBe(200);
  });
});

describe("member emails are for owners and moderators", () => {
  it("members and viewers see names only; moderators and owners see emails", async () => {
    const { group, owner } = await createGroup();
    const moderator = await createMember(group.id, "moderator");
    const reader = await createMember(group.id, "member");
    const viewer = await createMember(group.id, "viewer");
    const list = async (userId: string) => (await call(members.GET, { params: { groupId: group.id }, token: await tokenFor(userId) })).data.items as { userId: string; name: string; email?: string }[];

    for (const someone of [reader, viewer]) {
      const items = await list(someone.id);
      expect(items).toHaveLength(4);
      const others = items.filter((m) => m.userId !== someone.id);
      expect(others.every((m) => m.email === undefined && typeof m.name === "string")).toBe(true);
      expect(JSON.stringify(others)).not.toContain("@");
      expect(items.find((m) => m.userId === someone.id)?.email).toBe(someone.email);
    }
    for (const runner of [owner, moderator]) {
      const items = await list(runner.id);
      expect(items.find((m) => m.userId === reader.id)?.email).toBe(reader.email);
    }
  });
});
