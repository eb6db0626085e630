import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import * as lock from "@/app/api/v1/annotations/[annotationId]/lock/route";
import * as moderation from "@/app/api/v1/annotations/[annotationId]/moderation/route";
import * as notes from "@/app/api/v1/annotations/[annotationId]/notes/route";
import * as bulk from "@/app/api/v1/groups/[groupId]/moderation/bulk/route";
import { onAnnotationEvent, type AnnotationEvent } from "@/lib/annotations/events";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, logOf, seminar } from "./fixtures";

const FAIL = "force-failure";

// A trigger that makes the log insert fail on demand: for a note that says so, or for an item
// whose body says so. If a change survived such a failure, it was not in the log's transaction.
beforeAll(async () => {
  // The forced failures are answered 500 and logged by the route wrapper; keep the output readable.
  vi.spyOn(console, "error").mockImplementation(() => {});
  await db().$executeRawUnsafe(`
    CREATE OR REPLACE FUNCTION moderation_test_fail() RETURNS trigger AS $$
    BEGIN
      IF NEW.note = '${FAIL}' OR EXISTS (SELECT 1 FROM "Annotation" WHERE id = NEW."annotationId" AND body = '${FAIL}') THEN
        RAISE EXCEPTION 'forced failure';
      END IF;
      RETURN NEW;
    END $$ LANGUAGE plpgsql`);
  await db().$executeRawUnsafe(`CREATE TRIGGER moderation_test_fail BEFORE INSERT ON "ModerationLogEntry" FOR EACH ROW EXECUTE FUNCTION moderation_test_fail()`);
});
afterAll(async () => {
  await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS moderation_test_fail ON "ModerationLogEntry"`);
  await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS moderation_test_fail()`);
});

const patch = (token: string, annotationId: string, json: object) => call(moderation.PATCH, { method: "PATCH", token, params: { annotationId }, json });

describe("moderation decisions", () => {
  it("approve, hide, spam and restore each change the status and write one log row with who, from, to and note", async () => {
    const s = await seminar("pre");
    const item = await annotate(s, s.users.member, { status: "pending" });
    const mod = s.users.moderator.id;
    const approved = await patch(s.tokens.moderator, item.id, { status: "approved", note: "Fine" });
    expect(approved.status).toBe(200);
    expect(approved.headers.get("content-type")).toContain("application/ld+json");
    expect(approved.data).toMatchObject({ moderationStatus: "approved", flagCount: 0 });
    // A decision is not an edit of the author's words.
    expect(approved.data.modified).toBe(item.updatedAt.toISOString());
    expect((await patch(s.tokens.owner, item.id, { status: "hidden" })).data.moderationStatus).toBe("hidden");
    expect((await patch(s.tokens.moderator, item.id, { status: "approved" })).data.moderationStatus).toBe("approved");
    expect((await patch(s.tokens.moderator, item.id, { status: "spam", note: "link farm" })).data.moderationStatus).toBe("spam");
    expect((await patch(s.tokens.moderator, item.id, { status: "pending" })).data.moderationStatus).toBe("pending");
    expect(await logOf(s.group.id)).toEqual([
      { action: "approve", actorId: mod, annotationId: item.id, from: "pending", to: "approved", note: "Fine" },
      { action: "hide", actorId: s.users.owner.id, annotationId: item.id, from: "approved", to: "hidden", note: null },
      { action: "restore", actorId: mod, annotationId: item.id, from: "hidden", to: "approved", note: null },
      { action: "spam", actorId: mod, annotationId: item.id, from: "approved", to: "spam", note: "link farm" },
      { action: "restore", actorId: mod, annotationId: item.id, from: "spam", to: "pending", note: null },
    ]);
  });

  it("asking for the status an item already has changes and logs nothing; keeping a flagged item dismisses its flags and says so", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    const same = await patch(s.tokens.moderator, item.id, { status: "approved" });
    expect(same.status).toBe(200);
    expect(await logOf(s.group.id)).toEqual([]);
    await db().flag.create({ data: { annotationId: item.id, userId: s.users.viewer.id, reason: "spam" } });
    const kept = await patch(s.tokens.moderator, item.id, { status: "approved", note: "Not spam" });
    expect(kept.data.flagCount).toBe(0);
    expect(await logOf(s.group.id)).toEqual([{ action: "approve", actorId: s.users.moderator.id, annotationId: item.id, from: "approved", to: "approved", note: "Not spam" }]);
    expect(await db().flag.count({ where: { annotationId: item.id, resolvedAt: null } })).toBe(0);
  });

  it("tells live pages after the commit, with the facts readers saw before", async () => {
    const s = await seminar();
    const root = await annotate(s, s.users.member);
    const reply = await annotate(s, s.users.editor, { parent: { id: root.id, threadId: null } });
    const events: AnnotationEvent[] = [];
    const stop = onAnnotationEvent((e) => events.push(e));
    try {
      await patch(s.tokens.moderator, root.id, { status: "hidden" });
    } finally {
      stop();
    }
    expect(events.map((e) => [e.type, e.annotationId, e.before?.status, e.before?.thread?.status ?? null])).toEqual([
      ["annotation.moderated", root.id, "approved", null],
      ["annotation.moderated", reply.id, "approved", "approved"],
    ]);
  });

  it("a failure while logging leaves neither the change nor the log row (single and bulk)", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    await db().flag.create({ data: { annotationId: item.id, userId: s.users.viewer.id, reason: "spam" } });
    const failed = await patch(s.tokens.moderator, item.id, { status: "hidden", note: FAIL });
    expect(failed.status).toBe(500);
    const after = await db().annotation.findUniqueOrThrow({ where: { id: item.id } });
    expect([after.status, after.version]).toEqual(["approved", item.version]);
    expect(await db().flag.count({ where: { annotationId: item.id, resolvedAt: null } })).toBe(1);

    const fine = await annotate(s, s.users.member, { status: "pending" });
    const poisoned = await annotate(s, s.users.member, { status: "pending", body: FAIL });
    const res = await call(bulk.POST, { method: "POST", token: s.tokens.moderator, params: { groupId: s.group.id }, json: { ids: [fine.id, poisoned.id], status: "approved" } });
    expect(res.status).toBe(500);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: fine.id } })).status).toBe("pending");
    expect(await logOf(s.group.id)).toEqual([]);
  });

  it("a failure while logging a lock or a moderator note leaves neither", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    expect((await call(lock.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: item.id }, json: { note: FAIL } })).status).toBe(500);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: item.id } })).locked).toBe(false);
    expect((await call(notes.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: item.id }, json: { body: FAIL } })).status).toBe(500);
    expect(await db().moderatorNote.count({ where: { annotationId: item.id } })).toBe(0);
    expect(await logOf(s.group.id)).toEqual([]);
  });

  it("bulk: one status for many items, one log row each; an id from elsewhere makes it 404 and changes nothing", async () => {
    const s = await seminar("pre");
    const a = await annotate(s, s.users.member, { status: "pending" });
    const b = await annotate(s, s.users.editor, { status: "pending" });
    const c = await annotate(s, s.users.member);
    const foreign = await db().annotation.create({ data: { documentId: s.doc.id, groupId: s.group.id, authorId: s.users.member.id, visibility: "private" } });
    const send = (ids: string[], status = "spam") => call(bulk.POST, { method: "POST", token: s.tokens.moderator, params: { groupId: s.group.id }, json: { ids, status, note: "bot wave" } });
    expect((await send([a.id, foreign.id])).status).toBe(404);
    expect((await send([a.id, "nope"])).status).toBe(404);
    expect(await logOf(s.group.id)).toEqual([]);
    const res = await send([a.id, b.id, c.id, a.id]);
    expect(res.status).toBe(200);
    expect(res.data.items.map((i: { moderationStatus: string }) => i.moderationStatus)).toEqual(["spam", "spam", "spam"]);
    expect(res.data.changed.sort()).toEqual([a.id, b.id, c.id].sort());
    expect((await logOf(s.group.id)).map((r) => [r.annotationId, r.action, r.from, r.to, r.note]).sort()).toEqual(
      [[a.id, "spam", "pending", "spam", "bot wave"], [b.id, "spam", "pending", "spam", "bot wave"], [c.id, "spam", "approved", "spam", "bot wave"]].sort(),
    );
    const again = await send([a.id, b.id]);
    expect(again.data.changed).toEqual([]);
  });
});
