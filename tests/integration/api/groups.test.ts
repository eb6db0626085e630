import { describe, expect, it } from "vitest";
import * as groups from "@/app/api/v1/groups/route";
import * as group from "@/app/api/v1/groups/[groupId]/route";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { createGroup, createMember, createUser, tokenFor } from "../../factories";
import { call } from "../http";

describe("groups API", () => {
  it("creates a group with the caller as owner, 201 and Location", async () => {
    const user = await createUser();
    const res = await call(groups.POST, { method: "POST", token: await tokenFor(user.id), json: { name: "Close reading", moderation: "pre" } });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ name: "Close reading", moderation: "pre", role: "owner" });
    expect(res.data.abilities["member.manage"]).toBe(true);
    expect(res.headers.get("location")).toBe(`http://marginalia.test/api/v1/groups/${res.data.id}`);
    const membership = await db().membership.findUnique({ where: { groupId_userId: { groupId: res.data.id, userId: user.id } } });
    expect(membership?.role).toBe("owner");
  });

  it("GET answers a member with their role and abilities", async () => {
    const { group: g } = await createGroup();
    const viewer = await createMember(g.id, "viewer");
    const res = await call(group.GET, { token: await tokenFor(viewer.id), params: { groupId: g.id } });
    expect(res.status).toBe(200);
    expect(res.data).toMatchObject({ id: g.id, role: "viewer", moderation: "post" });
    expect(res.data.abilities["annotation.create"]).toBe(false);
  });

  it("answers 404 alike to outsiders and for missing groups", async () => {
    const { group: g } = await createGroup();
    const outsider = await createUser();
    const token = await tokenFor(outsider.id);
    const hidden = await call(group.GET, { token, params: { groupId: g.id } });
    const missing = await call(group.GET, { token, params: { groupId: "does-not-exist" } });
    expect(hidden.status).toBe(404);
    expect(missing.status).toBe(404);
    expect(hidden.data).toEqual(missing.data);
  });

  it("needs authentication: none → 401, a bad token → 401", async () => {
    expect((await call(me.GET)).status).toBe(401);
    const bad = await call(me.GET, { token: "mgn_not-a-real-token" });
    expect(bad.status).toBe(401);
    expect(bad.data.error.code).toBe("unauthorized");
  });

  it("GET /me returns the caller", async () => {
    const user = await createUser();
    const res = await call(me.GET, { token: await tokenFor(user.id) });
    expect(res.data).toEqual({ id: user.id, email: user.email, name: user.name });
  });

  describe("bad input changes nothing", () => {
    const cases: [string, { json?: unknown; body?: string }, string][] = [
      ["malformed JSON", { body: "{name:" }, "not valid JSON"],
      ["an array", { json: [1, 2] }, "JSON object"],
      ["wrong types", { json: { name: 42 } }, "name"],
      ["an unknown moderation mode", { json: { name: "x", moderation: "sometimes" } }, "moderation"],
      ["an empty name", { json: { name: "   " } }, "name"],
    ];
    for (const [label, body, mentions] of cases) {
      it(`${label} → 400 naming the problem`, async () => {
        const user = await createUser();
        const res = await call(groups.POST, { method: "POST", token: await tokenFor(user.id), ...body, headers: { "content-type": "application/json" } });
        expect(res.status).toBe(400);
        expect(res.data.error.code).toBe("invalid_request");
        expect(res.data.error.message).toContain(mentions);
        expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
      });
    }
  });

  it("PATCH changes settings for owners only", async () => {
    const { group: g, owner } = await createGroup();
    const moderator = await createMember(g.id, "moderator");
    const denied = await call(group.PATCH, { method: "PATCH", token: await tokenFor(moderator.id), params: { groupId: g.id }, json: { moderation: "pre" } });
    expect(denied.status).toBe(403);
    const ok = await call(group.PATCH, { method: "PATCH", token: await tokenFor(owner.id), params: { groupId: g.id }, json: { moderation: "pre" } });
    expect(ok.status).toBe(200);
    expect(ok.data.moderation).toBe("pre");
  });
});
