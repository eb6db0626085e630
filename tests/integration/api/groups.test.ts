import { describe, expect, it } from "vitest";
import * as groups from "@/app/api/v1/groups/route";
import * as group from "@/app/api/v1/groups/[groupId]/route";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import createAnnotation from "@/lib/commands/create-annotation";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { annotationOn } from "../w3c/helpers";
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
  describe("DELETE /api/v1/groups/{id}", () => {
    it("lets the owner delete (204) with its documents, annotations, flags, update log and memberships; a second delete is 404", async () => {
      const { group: g, owner } = await createGroup();
      const member = await createMember(g.id, "member");
      const doc = await createDocumentIn(g.id, owner.id, "A truth universally acknowledged.");
      const { annotation: item } = await createAnnotation({ actorId: member.id, documentId: doc.id, input: annotationOn(doc.id, "truth") });
      await flagAnnotation({ actorId: owner.id, annotationId: item.id, input: { reason: "spam" } });
      await db().documentUpdate.create({ data: { documentId: doc.id, update: Buffer.from([0, 0]) } });
      const token = await tokenFor(owner.id);
      const res = await call(group.DELETE, { method: "DELETE", token, params: { groupId: g.id } });
      expect(res.status).toBe(204);
      expect(await db().group.count({ where: { id: g.id } })).toBe(0);
      expect(await db().document.count({ where: { id: doc.id } })).toBe(0);
      expect(await db().annotation.count({ where: { groupId: g.id } })).toBe(0);
      expect(await db().flag.count({ where: { annotationId: item.id } })).toBe(0);
      expect(await db().documentUpdate.count({ where: { documentId: doc.id } })).toBe(0);
      expect(await db().membership.count({ where: { groupId: g.id } })).toBe(0);
      expect(await db().user.count({ where: { id: { in: [owner.id, member.id] } } })).toBe(2);
      expect((await call(group.DELETE, { method: "DELETE", token, params: { groupId: g.id } })).status).toBe(404);
    });

    it("refuses editors and moderators (403), outsiders (404) and anonymous callers (401)", async () => {
      const { group: g } = await createGroup();
      const del = async (token?: string) => (await call(group.DELETE, { method: "DELETE", token, params: { groupId: g.id } })).status;
      expect(await del(await tokenFor((await createMember(g.id, "editor")).id))).toBe(403);
      expect(await del(await tokenFor((await createMember(g.id, "moderator")).id))).toBe(403);
      expect(await del(await tokenFor((await createUser()).id))).toBe(404);
      expect(await del()).toBe(401);
      expect(await db().group.count({ where: { id: g.id } })).toBe(1);
    });
  });
});
