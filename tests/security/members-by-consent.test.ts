import { describe, expect, it } from "vitest";
import * as members from "@/app/api/v1/groups/[groupId]/members/route";
import * as invitations from "@/app/api/v1/me/invitations/route";
import * as accept from "@/app/api/v1/me/invitations/[inviteId]/accept/route";
import * as decline from "@/app/api/v1/me/invitations/[inviteId]/route";
import * as groupRoute from "@/app/api/v1/groups/[groupId]/route";
import { db } from "@/lib/db";
import { createGroup, createUser, tokenFor } from "../factories";
import { call } from "../integration/http";

const invite = (groupId: string, token: string, email: string, role = "member") => call(members.POST, { method: "POST", token, params: { groupId }, json: { email, role } });

describe("adding someone to a group takes their consent", () => {
  it("an owner's POST …/members makes nobody a member: the person sees an invitation and joins only by accepting", async () => {
    const { group, owner } = await createGroup();
    const person = await createUser();
    const res = await invite(group.id, await tokenFor(owner.id), person.email, "editor");
    expect(res.status).toBe(202);
    expect(res.data).toEqual({ invited: true });
    expect(JSON.stringify(res.data)).not.toContain(person.name);

    const theirs = await tokenFor(person.id);
    expect(await db().membership.findFirst({ where: { groupId: group.id, userId: person.id } })).toBeNull();
    expect((await call(groupRoute.GET, { token: theirs, params: { groupId: group.id } })).status).toBe(404);

    const waiting = (await call(invitations.GET, { token: theirs })).data.items;
    expect(waiting).toHaveLength(1);
    expect(waiting[0]).toMatchObject({ group: { id: group.id, name: group.name }, role: "editor" });
    const joined = await call(accept.POST, { method: "POST", token: theirs, params: { inviteId: waiting[0].id } });
    expect(joined.status).toBe(201);
    expect((await call(groupRoute.GET, { token: theirs, params: { groupId: group.id } })).data.role).toBe("editor");
  });

  it("declining leaves them out; nobody else can accept or decline an invitation addressed to them", async () => {
    const { group, owner } = await createGroup();
    const person = await createUser();
    const intruder = await createUser();
    await invite(group.id, await tokenFor(owner.id), person.email);
    const [pending] = (await call(invitations.GET, { token: await tokenFor(person.id) })).data.items;
    const intruderToken = await tokenFor(intruder.id);
    expect((await call(accept.POST, { method: "POST", token: intruderToken, params: { inviteId: pending.id } })).status).toBe(404);
    expect((await call(decline.DELETE, { method: "DELETE", token: intruderToken, params: { inviteId: pending.id } })).status).toBe(404);
    expect((await call(invitations.GET, { token: intruderToken })).data.items).toEqual([]);

    expect((await call(decline.DELETE, { method: "DELETE", token: await tokenFor(person.id), params: { inviteId: pending.id } })).status).toBe(204);
    expect((await call(invitations.GET, { token: await tokenFor(person.id) })).data.items).toEqual([]);
    const late = await call(accept.POST, { method: "POST", token: await tokenFor(person.id), params: { inviteId: pending.id } });
    expect(late.status).toBe(410);
    expect(await db().membership.count({ where: { groupId: group.id } })).toBe(1);
  });
});

describe("POST …/members does not tell whether an account exists", () => {
  it("a known and an unknown email get byte-identical answers", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const known = await createUser();
    const a = await invite(group.id, token, known.email);
    const b = await invite(group.id, token, `nobody-${Date.now()}@example.test`);
    expect(a.status).toBe(202);
    expect(b.status).toBe(a.status);
    expect(b.text).toBe(a.text);
    expect([...b.headers.keys()].sort()).toEqual([...a.headers.keys()].sort());
  });
});
