import { describe, expect, it } from "vitest";
import * as moderation from "@/app/api/v1/annotations/[annotationId]/moderation/route";
import * as log from "@/app/api/v1/groups/[groupId]/moderation/log/route";
import * as queue from "@/app/api/v1/groups/[groupId]/moderation/queue/route";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, seminar, type Seminar } from "./fixtures";

const ids = (res: { data: { items: { annotation: { id: string } }[] } }) => res.data.items.map((i) => i.annotation.id.split("/").at(-1));
const getQueue = (s: Seminar, filter?: string, token = s.tokens.moderator) => call(queue.GET, { token, params: { groupId: s.group.id }, path: filter ? `/q?${filter}` : "/q" });

describe("moderation queue", () => {
  it("filters pending, flagged, hidden and spam; no filter shows what needs a decision; counts match", async () => {
    const s = await seminar("pre");
    const pending = await annotate(s, s.users.member, { status: "pending", body: "Waiting" });
    const flagged = await annotate(s, s.users.editor, { body: "Flagged twice" });
    await db().flag.createMany({ data: [{ annotationId: flagged.id, userId: s.users.viewer.id, reason: "spam" }, { annotationId: flagged.id, userId: s.users.muted.id, reason: "off_topic", text: "not about the text" }] });
    const hidden = await annotate(s, s.users.member, { status: "hidden" });
    const spam = await annotate(s, s.users.member, { status: "spam" });
    await annotate(s, s.users.member); // approved, unflagged: not in any filter
    const privatePending = await annotate(s, s.users.member, { status: "pending", visibility: "private" });
    const deleted = await db().annotation.update({ where: { id: (await annotate(s, s.users.member, { status: "pending" })).id }, data: { deletedAt: new Date() } });
    const reply = await annotate(s, s.users.member, { status: "pending", parent: { id: flagged.id, threadId: null }, body: "A pending reply" });

    expect(ids(await getQueue(s, "filter=pending"))).toEqual([pending.id, reply.id]);
    expect(ids(await getQueue(s, "filter=flagged"))).toEqual([flagged.id]);
    expect(ids(await getQueue(s, "filter=hidden"))).toEqual([hidden.id]);
    expect(ids(await getQueue(s, "filter=spam"))).toEqual([spam.id]);
    const open = await getQueue(s);
    expect(ids(open)).toEqual([pending.id, flagged.id, reply.id]);
    expect(open.data.counts).toEqual({ open: 3, pending: 2, flagged: 1, hidden: 1, spam: 1 });
    expect(open.text).not.toContain(privatePending.id);
    expect(open.text).not.toContain(deleted.id);

    const entry = (await getQueue(s, "filter=flagged")).data.items[0];
    expect(entry).toMatchObject({
      flagCount: 2,
      flags: [{ reason: "spam", text: null }, { reason: "off_topic", text: "not about the text" }],
      document: { id: s.doc.id, title: s.doc.title },
      author: { id: s.users.editor.id },
      quote: "a great and sudden change",
      annotation: { type: "Annotation", moderationStatus: "approved", flagCount: 2 },
    });
    const replyEntry = (await getQueue(s, "filter=pending")).data.items[1];
    expect(replyEntry).toMatchObject({ quote: "a great and sudden change", inReplyTo: { id: flagged.id, excerpt: "Flagged twice" } });
  });

  it("a decision takes an item out of its filter and its flags out of the flagged one", async () => {
    const s = await seminar();
    const flagged = await annotate(s, s.users.member);
    await db().flag.create({ data: { annotationId: flagged.id, userId: s.users.viewer.id, reason: "abusive" } });
    await call(moderation.PATCH, { method: "PATCH", token: s.tokens.moderator, params: { annotationId: flagged.id }, json: { status: "hidden" } });
    expect(ids(await getQueue(s, "filter=flagged"))).toEqual([]);
    const hidden = await getQueue(s, "filter=hidden");
    expect(ids(hidden)).toEqual([flagged.id]);
    expect(hidden.data.items[0].flagCount).toBe(0);
  });

  it("pages with a cursor", async () => {
    const s = await seminar("pre");
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await annotate(s, s.users.member, { status: "pending", body: `item ${i}` }));
    const first = await getQueue(s, "filter=pending&limit=2");
    const second = await getQueue(s, `filter=pending&limit=2&cursor=${first.data.nextCursor}`);
    const third = await getQueue(s, `filter=pending&limit=2&cursor=${second.data.nextCursor}`);
    expect([...ids(first), ...ids(second), ...ids(third)]).toEqual(made.map((m) => m.id));
    expect(third.data.nextCursor).toBeNull();
  });

  it("is invisible to non-moderators: 404 for outsiders and other groups' moderators, 403 for members", async () => {
    const s = await seminar();
    await annotate(s, s.users.member, { status: "pending" });
    for (const [person, status] of [["outsider", 404], ["otherModerator", 404], ["viewer", 403], ["member", 403], ["editor", 403]] as const) {
      const res = await getQueue(s, undefined, s.tokens[person]);
      expect(res.status).toBe(status);
      expect(res.text).not.toContain("items");
    }
  });
});

describe("moderation log", () => {
  it("lists every action newest first with who, when, item, from → to and note, paged by cursor", async () => {
    const s = await seminar("pre");
    const item = await annotate(s, s.users.member, { status: "pending" });
    for (const status of ["approved", "hidden", "approved"]) {
      await call(moderation.PATCH, { method: "PATCH", token: s.tokens.moderator, params: { annotationId: item.id }, json: { status, note: `to ${status}` } });
    }
    const first = await call(log.GET, { token: s.tokens.owner, params: { groupId: s.group.id }, path: "/l?limit=2" });
    expect(first.status).toBe(200);
    expect(first.data.items).toHaveLength(2);
    const second = await call(log.GET, { token: s.tokens.owner, params: { groupId: s.group.id }, path: `/l?limit=2&cursor=${first.data.nextCursor}` });
    expect(second.data.nextCursor).toBeNull();
    const all = [...first.data.items, ...second.data.items];
    expect(all.map((e: { action: string; from: string; to: string; note: string }) => [e.action, e.from, e.to, e.note])).toEqual([
      ["restore", "hidden", "approved", "to approved"],
      ["hide", "approved", "hidden", "to hidden"],
      ["approve", "pending", "approved", "to approved"],
    ]);
    expect(all[0]).toMatchObject({ actor: { id: s.users.moderator.id, name: s.users.moderator.name }, annotationId: item.id });
    expect(Date.parse(all[0].at)).toBeGreaterThanOrEqual(Date.parse(all[2].at));
    expect(Object.keys(all[0])).toEqual(expect.arrayContaining(["id", "at", "actor", "action", "annotationId", "from", "to", "note"]));
  });

  it("includes member actions (mute, role) written by the members commands", async () => {
    const s = await seminar();
    const { default: updateMember } = await import("@/lib/commands/update-member");
    await updateMember({ actorId: s.users.moderator.id, groupId: s.group.id, userId: s.users.member.id, muted: true });
    const res = await call(log.GET, { token: s.tokens.moderator, params: { groupId: s.group.id } });
    expect(res.data.items).toMatchObject([{ action: "mute", from: "false", to: "true", annotationId: null, subject: { id: s.users.member.id } }]);
  });

  it("is append-only: the API offers no way to change or remove a row", async () => {
    expect(Object.keys(log).filter((k) => /^[A-Z]+$/.test(k))).toEqual(["GET"]);
  });

  it("is invisible to non-moderators: 404 for outsiders, 403 for members", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    await call(moderation.PATCH, { method: "PATCH", token: s.tokens.moderator, params: { annotationId: item.id }, json: { status: "hidden", note: "secret reason" } });
    for (const [person, status] of [["outsider", 404], ["otherModerator", 404], ["viewer", 403], ["member", 403], ["muted", 403], ["editor", 403]] as const) {
      const res = await call(log.GET, { token: s.tokens[person], params: { groupId: s.group.id } });
      expect(res.status).toBe(status);
      expect(res.text).not.toContain("secret reason");
    }
  });
});
