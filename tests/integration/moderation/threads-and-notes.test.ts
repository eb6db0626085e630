import { describe, expect, it } from "vitest";
import * as lock from "@/app/api/v1/annotations/[annotationId]/lock/route";
import * as notes from "@/app/api/v1/annotations/[annotationId]/notes/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, logOf, seminar } from "./fixtures";

const reply = (documentId: string, parentId: string) => ({
  type: "Annotation",
  motivation: "replying",
  body: { type: "TextualBody", value: "One more thing" },
  target: `https://example.test/api/annotations/${documentId}/${parentId}`,
});

describe("locking threads", () => {
  it("a locked thread takes no new replies from members; unlocking opens it again; both are logged once", async () => {
    const s = await seminar();
    const root = await annotate(s, s.users.member);
    const answer = await annotate(s, s.users.editor, { parent: { id: root.id, threadId: null } });
    // Locking through a reply locks its thread.
    const locked = await call(lock.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: answer.id }, json: { note: "Heated" } });
    expect(locked.status).toBe(200);
    expect(locked.data).toMatchObject({ locked: true, id: expect.stringMatching(new RegExp(`/${root.id}$`)), modified: root.updatedAt.toISOString() });
    expect((await call(lock.POST, { method: "POST", token: s.tokens.owner, params: { annotationId: root.id } })).data.locked).toBe(true);
    await expect(createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: reply(s.doc.id, root.id) })).rejects.toMatchObject({ status: 403 });
    // Moderators may still answer in a locked thread.
    await expect(createAnnotation({ actorId: s.users.moderator.id, documentId: s.doc.id, input: reply(s.doc.id, root.id) })).resolves.toBeTruthy();

    const unlocked = await call(lock.DELETE, { method: "DELETE", token: s.tokens.moderator, params: { annotationId: root.id } });
    expect(unlocked.data.locked).toBe(false);
    await expect(createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: reply(s.doc.id, root.id) })).resolves.toBeTruthy();
    expect(await logOf(s.group.id)).toEqual([
      { action: "lock", actorId: s.users.moderator.id, annotationId: root.id, from: "unlocked", to: "locked", note: "Heated" },
      { action: "unlock", actorId: s.users.moderator.id, annotationId: root.id, from: "locked", to: "unlocked", note: null },
    ]);
  });
});

describe("moderator notes", () => {
  it("are written by moderators, read by moderators only, and kept in the log", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    const first = await call(notes.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: item.id }, json: { body: "Third warning for this author" } });
    expect(first.status).toBe(201);
    expect(first.headers.get("location")).toContain(`/api/v1/annotations/${item.id}/notes`);
    expect(first.data).toMatchObject({ annotationId: item.id, body: "Third warning for this author", author: { id: s.users.moderator.id } });
    await call(notes.POST, { method: "POST", token: s.tokens.owner, params: { annotationId: item.id }, json: { body: "Agreed" } });

    const list = await call(notes.GET, { token: s.tokens.owner, params: { annotationId: item.id } });
    expect(list.data.items.map((n: { body: string }) => n.body)).toEqual(["Third warning for this author", "Agreed"]);
    for (const person of ["member", "viewer", "editor"] as const) {
      const res = await call(notes.GET, { token: s.tokens[person], params: { annotationId: item.id } });
      expect(res.status).toBe(403);
      expect(res.text).not.toContain("Third warning");
    }
    expect((await logOf(s.group.id)).map((r) => [r.action, r.note])).toEqual([["note", "Third warning for this author"], ["note", "Agreed"]]);
    // History survives the item: the author deleting it keeps the log rows.
    await db().annotation.update({ where: { id: item.id }, data: { deletedAt: new Date() } });
    expect(await logOf(s.group.id)).toHaveLength(2);
  });
});
