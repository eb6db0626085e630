import { describe, expect, it } from "vitest";
import * as documents from "@/app/api/v1/documents/route";
import * as document from "@/app/api/v1/documents/[documentId]/route";
import * as text from "@/app/api/v1/documents/[documentId]/text/route";
import * as groupDocuments from "@/app/api/v1/groups/[groupId]/documents/route";
import * as moderationLog from "@/app/api/v1/groups/[groupId]/moderation/log/route";
import { db } from "@/lib/db";
import { yUpdateToJSON } from "@/lib/editor/ydoc";
import { textProjection } from "@/lib/editor/projection";
import createAnnotation from "@/lib/commands/create-annotation";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { annotationOn } from "../w3c/helpers";
import { call } from "../http";

const MARKDOWN = "# Letters\n\nDear *Clara*, the “river” is high — again.\n\n- one\n- two\n\n> quoted line";

describe("documents API", () => {
  it("imports Markdown: 201 with url, the text projection and the Yjs state agree", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const res = await call(documents.POST, { method: "POST", token, json: { groupId: group.id, title: "Letters", format: "markdown", content: MARKDOWN } });
    expect(res.status).toBe(201);
    expect(res.data).toMatchObject({ title: "Letters", groupId: group.id, url: `http://marginalia.test/documents/${res.data.id}` });
    const plain = await call(text.GET, { token, params: { documentId: res.data.id } });
    expect(plain.headers.get("content-type")).toContain("text/plain");
    expect(plain.text).toBe("Letters\n\nDear Clara, the “river” is high — again.\n\none\n\ntwo\n\nquoted line");
    const row = await db().document.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(textProjection(yUpdateToJSON(new Uint8Array(row.yState)))).toBe(plain.text);
    const meta = await call(document.GET, { token, params: { documentId: res.data.id } });
    expect(meta.data).toMatchObject({ id: res.data.id, title: "Letters" });
    const list = await call(groupDocuments.GET, { token, params: { groupId: group.id } });
    expect(list.data.items.map((d: { id: string }) => d.id)).toContain(res.data.id);
  });

  it("imports plain text paragraphs back to the same paragraphs", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const content = "First paragraph, with a\nline break.\n\nSecond — مرحبا 👋🏽 e\u0301.";
    const res = await call(documents.POST, { method: "POST", token, json: { groupId: group.id, title: "Plain", format: "text", content } });
    expect((await call(text.GET, { token, params: { documentId: res.data.id } })).text).toBe(content);
  });

  it("sanitizes HTML: scripts and handlers are gone, structure is kept", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    const html = `<h2>Title</h2><p onclick="steal()">Safe <em>words</em><script>alert(1)</script> <a href="javascript:alert(2)">link</a></p><img src=x onerror=alert(3)>`;
    const res = await call(documents.POST, { method: "POST", token, json: { groupId: group.id, title: "Html", format: "html", content: html } });
    expect(res.status).toBe(201);
    const row = await db().document.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(row.text).toBe("Title\n\nSafe words link");
    const json = JSON.stringify(yUpdateToJSON(new Uint8Array(row.yState)));
    expect(json).not.toMatch(/alert|javascript|onclick|onerror|script/i);
  });

  it("lets viewers read but not create (403); outsiders get 404 for everything", async () => {
    const { group, owner } = await createGroup();
    const viewer = await createMember(group.id, "viewer");
    const member = await createMember(group.id, "member");
    const outsider = await createUser();
    const made = await call(documents.POST, { method: "POST", token: await tokenFor(owner.id), json: { groupId: group.id, title: "T", content: "Text" } });
    const json = { groupId: group.id, title: "Mine", content: "Text" };
    expect((await call(documents.POST, { method: "POST", token: await tokenFor(viewer.id), json })).status).toBe(403);
    expect((await call(documents.POST, { method: "POST", token: await tokenFor(member.id), json })).status).toBe(403);
    expect((await call(documents.POST, { method: "POST", token: await tokenFor(outsider.id), json })).status).toBe(404);
    expect((await call(text.GET, { token: await tokenFor(viewer.id), params: { documentId: made.data.id } })).status).toBe(200);
    expect((await call(text.GET, { token: await tokenFor(outsider.id), params: { documentId: made.data.id } })).status).toBe(404);
    expect((await call(document.GET, { token: await tokenFor(outsider.id), params: { documentId: made.data.id } })).status).toBe(404);
    expect((await call(groupDocuments.GET, { token: await tokenFor(outsider.id), params: { groupId: group.id } })).status).toBe(404);
  });

  it("refuses a 50 MB upload with 413 before reading it all, and stores nothing", async () => {
    const { group, owner } = await createGroup();
    const before = await db().document.count({ where: { groupId: group.id } });
    const content = "x".repeat(50 * 1024 * 1024);
    const res = await call(documents.POST, { method: "POST", token: await tokenFor(owner.id), json: { groupId: group.id, title: "Huge", content } });
    expect(res.status).toBe(413);
    expect(res.data.error.code).toBe("payload_too_large");
    expect(await db().document.count({ where: { groupId: group.id } })).toBe(before);
  });

  it("rejects unknown formats, empty content and missing titles with 400", async () => {
    const { group, owner } = await createGroup();
    const token = await tokenFor(owner.id);
    for (const json of [
      { groupId: group.id, title: "T", format: "docx", content: "x" },
      { groupId: group.id, title: "T", content: "" },
      { groupId: group.id, content: "x" },
    ]) {
      expect((await call(documents.POST, { method: "POST", token, json })).status).toBe(400);
    }
  });
  describe("DELETE /api/v1/documents/{id}", () => {
    it("lets the owner delete (204) with its annotations, flags and update log; a second delete is 404", async () => {
      const { group, owner } = await createGroup();
      const member = await createMember(group.id, "member");
      const doc = await createDocumentIn(group.id, owner.id, "A truth universally acknowledged.");
      const { annotation: item } = await createAnnotation({ actorId: member.id, documentId: doc.id, input: annotationOn(doc.id, "truth") });
      await flagAnnotation({ actorId: owner.id, annotationId: item.id, input: { reason: "spam" } });
      await db().documentUpdate.create({ data: { documentId: doc.id, update: Buffer.from([0, 0]) } });
      const token = await tokenFor(owner.id);
      const res = await call(document.DELETE, { method: "DELETE", token, params: { documentId: doc.id } });
      expect(res.status).toBe(204);
      expect(await db().document.count({ where: { id: doc.id } })).toBe(0);
      expect(await db().annotation.count({ where: { documentId: doc.id } })).toBe(0);
      expect(await db().flag.count({ where: { annotationId: item.id } })).toBe(0);
      expect(await db().documentUpdate.count({ where: { documentId: doc.id } })).toBe(0);
      expect(await db().group.count({ where: { id: group.id } })).toBe(1);
      expect((await call(document.DELETE, { method: "DELETE", token, params: { documentId: doc.id } })).status).toBe(404);
      // The group's moderation log keeps who deleted it and its title, once.
      const log = await call(moderationLog.GET, { token, params: { groupId: group.id } });
      expect(log.status).toBe(200);
      expect(log.data.items.filter((e: { action: string }) => e.action === "delete_document")).toEqual([
        expect.objectContaining({ action: "delete_document", actor: { id: owner.id, name: owner.name }, from: doc.title, to: null }),
      ]);
    });

    it("refuses editors and moderators (403), outsiders (404) and anonymous callers (401)", async () => {
      const { group, owner } = await createGroup();
      const doc = await createDocumentIn(group.id, owner.id);
      const del = async (token?: string) => (await call(document.DELETE, { method: "DELETE", token, params: { documentId: doc.id } })).status;
      expect(await del(await tokenFor((await createMember(group.id, "editor")).id))).toBe(403);
      expect(await del(await tokenFor((await createMember(group.id, "moderator")).id))).toBe(403);
      expect(await del(await tokenFor((await createUser()).id))).toBe(404);
      expect(await del()).toBe(401);
      expect(await db().document.count({ where: { id: doc.id } })).toBe(1);
      expect(await db().moderationLogEntry.count({ where: { groupId: group.id } })).toBe(0);
    });
  });
});
