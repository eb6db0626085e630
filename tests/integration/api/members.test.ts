import { describe, expect, it } from "vitest";
import * as members from "@/app/api/v1/groups/[groupId]/members/route";
import * as member from "@/app/api/v1/groups/[groupId]/members/[userId]/route";
import * as invitations from "@/app/api/v1/me/invitations/route";
import * as accept from "@/app/api/v1/me/invitations/[inviteId]/accept/route";
import { db } from "@/lib/db";
import { createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

describe("group members API", () => {
  it("an owner invites by email (202); the person becomes a member only by accepting", async () => {
    const { group, owner } = await createGroup();
    const newcomer = await createUser();
    const res = await call(members.POST, { method: "POST", token: await tokenFor(owner.id), params: { groupId: group.id }, json: { email: newcomer.email, role: "editor" } });
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ invited: true });
    expect(await db().membership.count({ where: { groupId: group.id } })).toBe(1);
    const token = await tokenFor(newcomer.id);
    const waiting = await call(invitations.GET, { token });
    expect(waiting.data.items).toEqual([expect.objectContaining({ group: expect.objectContaining({ id: group.id }), role: "editor", invitedBy: { id: owner.id, name: owner.name } })]);
    const accepted = await call(accept.POST, { method: "POST", token, params: { inviteId: waiting.data.items[0].id } });
    expect(accepted.status).toBe(201);
    expect(accepted.data).toMatchObject({ id: newcomer.id, role: "editor", muted: false });
    const list = await call(members.GET, { token, params: { groupId: group.id } });
    expect(list.data.items.map((m: { id: string }) => m.id).sort()).toEqual([owner.id, newcomer.id].sort());
    expect((await call(invitations.GET, { token })).data.items).toEqual([]);
  });

  it("refuses unknown roles and malformed emails (400); members and unknown emails get the same 202", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const other = await createUser();
    const badRole = await call(members.POST, { method: "POST", token, params: { groupId: group.id }, json: { email: other.email, role: "emperor" } });
    expect(badRole.status).toBe(400);
    expect(badRole.data.error.message).toContain("role");
    expect((await call(members.POST, { method: "POST", token, params: { groupId: group.id }, json: { email: "not an address" } })).status).toBe(400);
    for (const email of [owner.email, "ghost@example.test"]) {
      const res = await call(members.POST, { method: "POST", token, params: { groupId: group.id }, json: { email, role: "member" } });
      expect(res.status).toBe(202);
      expect(res.data).toEqual({ invited: true });
    }
    expect(await db().membership.count({ where: { groupId: group.id } })).toBe(1);
  });

  it("only owners manage members: a moderator gets 403, an outsider 404", async () => {
    const { group } = await createGroup();
    const moderator = await createMember(group.id, "moderator");
    const outsider = await createUser();
    const target = await createUser();
    const json = { email: target.email, role: "member" };
    expect((await call(members.POST, { method: "POST", token: await tokenFor(moderator.id), params: { groupId: group.id }, json })).status).toBe(403);
    expect((await call(members.POST, { method: "POST", token: await tokenFor(outsider.id), params: { groupId: group.id }, json })).status).toBe(404);
    expect((await call(members.GET, { token: await tokenFor(outsider.id), params: { groupId: group.id } })).status).toBe(404);
  });

  it("owners change roles and moderators mute, each change logged in the same transaction", async () => {
    const { group, owner } = await createGroup();
    const moderator = await createMember(group.id, "moderator");
    const reader = await createMember(group.id, "member");
    const params = { groupId: group.id, userId: reader.id };
    const promoted = await call(member.PATCH, { method: "PATCH", token: await tokenFor(owner.id), params, json: { role: "editor" } });
    expect(promoted.status).toBe(200);
    expect(promoted.data.role).toBe("editor");
    expect((await call(member.PATCH, { method: "PATCH", token: await tokenFor(moderator.id), params, json: { role: "owner" } })).status).toBe(403);
    const muted = await call(member.PATCH, { method: "PATCH", token: await tokenFor(moderator.id), params, json: { muted: true } });
    expect(muted.data.muted).toBe(true);
    const log = await db().moderationLogEntry.findMany({ where: { groupId: group.id }, orderBy: { createdAt: "asc" } });
    expect(log.map((e) => [e.action, e.actorId, e.subjectUserId, e.from, e.to])).toEqual([
      ["role", owner.id, reader.id, "member", "editor"],
      ["mute", moderator.id, reader.id, "false", "true"],
    ]);
  });

  it("never leaves a group without an owner", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const params = { groupId: group.id, userId: owner.id };
    const demote = await call(member.PATCH, { method: "PATCH", token, params, json: { role: "member" } });
    expect(demote.status).toBe(409);
    expect(demote.data.error.code).toBe("last_owner");
    expect((await call(member.DELETE, { method: "DELETE", token, params })).status).toBe(409);
    expect((await db().membership.findFirstOrThrow({ where: { groupId: group.id, userId: owner.id } })).role).toBe("owner");
  });

  it("removes a member (204), after which the group is 404 to them", async () => {
    const { group, owner } = await createGroup();
    const reader = await createMember(group.id, "member");
    const res = await call(member.DELETE, { method: "DELETE", token: await tokenFor(owner.id), params: { groupId: group.id, userId: reader.id } });
    expect(res.status).toBe(204);
    expect((await call(members.GET, { token: await tokenFor(reader.id), params: { groupId: group.id } })).status).toBe(404);
    // The removal is in the group's log with the role they had; someone leaving on their own is not.
    const leaver = await createMember(group.id, "editor");
    expect((await call(member.DELETE, { method: "DELETE", token: await tokenFor(leaver.id), params: { groupId: group.id, userId: leaver.id } })).status).toBe(204);
    const log = await db().moderationLogEntry.findMany({ where: { groupId: group.id } });
    expect(log.map((e) => [e.action, e.actorId, e.subjectUserId, e.from, e.to])).toEqual([["remove", owner.id, reader.id, "member", null]]);
  });

  it("rejects a PATCH with nothing to change or wrong types", async () => {
    const { group, owner } = await createGroup();
    const reader = await createMember(group.id, "member");
    const token = await tokenFor(owner.id);
    const params = { groupId: group.id, userId: reader.id };
    expect((await call(member.PATCH, { method: "PATCH", token, params, json: {} })).status).toBe(400);
    expect((await call(member.PATCH, { method: "PATCH", token, params, json: { muted: "yes" } })).status).toBe(400);
  });
});
