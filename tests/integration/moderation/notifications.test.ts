import { describe, expect, it } from "vitest";
import * as flags from "@/app/api/v1/annotations/[annotationId]/flags/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as read from "@/app/api/v1/notifications/read/route";
import createAnnotation from "@/lib/commands/create-annotation";
import { notifyModeratorsOfPendingPost } from "@/lib/commands/notify-moderators";
import updateMember from "@/lib/commands/update-member";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, seminar, type Seminar } from "./fixtures";

const inbox = (s: Seminar, person: keyof Seminar["tokens"], query = "") => call(notifications.GET, { token: s.tokens[person], path: `/n${query}` });
const note = (documentId: string) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: "Is this Austen?" },
  target: { source: `https://example.test/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact: "universally acknowledged" } },
});

describe("moderators' inbox", () => {
  it("a pending post reaches every moderator who can see it, naming its author, with an unread count", async () => {
    const s = await seminar("pre");
    const { annotation } = await createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: note(s.doc.id) });
    expect(annotation.status).toBe("pending");
    await notifyModeratorsOfPendingPost({ annotationId: annotation.id });
    await notifyModeratorsOfPendingPost({ annotationId: annotation.id }); // not repeated while unread

    for (const person of ["moderator", "owner"] as const) {
      const res = await inbox(s, person);
      expect(res.data.unreadCount).toBe(1);
      expect(res.data.items).toMatchObject([
        {
          kind: "pending",
          readAt: null,
          group: { id: s.group.id, name: s.group.name },
          actor: { id: s.users.member.id, name: s.users.member.name },
          annotation: { id: annotation.id, documentId: s.doc.id, documentTitle: s.doc.title, status: "pending", excerpt: "Is this Austen?", quote: "universally acknowledged" },
          url: `http://marginalia.test/groups/${s.group.id}/moderation?filter=pending#item-${annotation.id}`,
        },
      ]);
    }
    for (const person of ["member", "viewer", "editor", "outsider", "otherModerator"] as const) {
      expect((await inbox(s, person)).data).toMatchObject({ items: [], unreadCount: 0 });
    }
  });

  it("approved posts, private notes and moderators' own posts notify nobody", async () => {
    const s = await seminar("pre");
    const own = await createAnnotation({ actorId: s.users.moderator.id, documentId: s.doc.id, input: note(s.doc.id) });
    const privateNote = await createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: { ...note(s.doc.id), visibility: "private" } });
    for (const a of [own.annotation, privateNote.annotation]) await notifyModeratorsOfPendingPost({ annotationId: a.id });
    expect(await db().notification.count({ where: { groupId: s.group.id } })).toBe(0);
  });

  it("flags reach the moderators once per item while unread, never naming the flagger", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    for (const person of ["viewer", "editor"] as const) {
      await call(flags.POST, { method: "POST", token: s.tokens[person], params: { annotationId: item.id }, json: { reason: "spam" } });
    }
    const res = await inbox(s, "moderator");
    expect(res.data.items).toMatchObject([{ kind: "flag", actor: null, annotation: { id: item.id } }]);
    expect(res.data.unreadCount).toBe(1);
  });

  it("marks read by id or all at once, only the caller's own; unread filter and count follow", async () => {
    const s = await seminar("pre");
    const a = await annotate(s, s.users.member, { status: "pending" });
    const b = await annotate(s, s.users.member, { status: "pending" });
    for (const x of [a, b]) await notifyModeratorsOfPendingPost({ annotationId: x.id });
    const mine = (await inbox(s, "moderator")).data.items.map((n: { id: string }) => n.id);
    const owners = (await inbox(s, "owner")).data.items.map((n: { id: string }) => n.id);
    const marked = await call(read.POST, { method: "POST", token: s.tokens.moderator, json: { ids: [mine[0], owners[0]] } });
    expect(marked.data).toEqual({ marked: 1, unreadCount: 1 });
    expect((await inbox(s, "owner")).data.unreadCount).toBe(2);
    expect((await inbox(s, "moderator", "?unread=true")).data.items.map((n: { id: string }) => n.id)).toEqual([mine[1]]);
    expect((await call(read.POST, { method: "POST", token: s.tokens.moderator, json: { all: true } })).data).toEqual({ marked: 1, unreadCount: 0 });
    expect((await inbox(s, "moderator")).data.items.every((n: { readAt: string | null }) => n.readAt !== null)).toBe(true);
  });

  it("entries disappear for someone who no longer moderates the group, or when the item is deleted", async () => {
    const s = await seminar("pre");
    const a = await annotate(s, s.users.member, { status: "pending" });
    const b = await annotate(s, s.users.member, { status: "pending" });
    for (const x of [a, b]) await notifyModeratorsOfPendingPost({ annotationId: x.id });
    await db().annotation.update({ where: { id: a.id }, data: { deletedAt: new Date() } });
    expect((await inbox(s, "moderator")).data.unreadCount).toBe(1);
    await updateMember({ actorId: s.users.owner.id, groupId: s.group.id, userId: s.users.moderator.id, role: "member" });
    expect((await inbox(s, "moderator")).data).toMatchObject({ items: [], unreadCount: 0 });
  });

  it("once one moderator decides, every moderator's notice about that item is read", async () => {
    const s = await seminar("pre");
    const item = await annotate(s, s.users.member, { status: "pending" });
    await notifyModeratorsOfPendingPost({ annotationId: item.id });
    expect((await inbox(s, "owner")).data.unreadCount).toBe(1);
    const { default: moderateAnnotation } = await import("@/lib/commands/moderate-annotation");
    await moderateAnnotation({ actorId: s.users.moderator.id, annotationId: item.id, input: { status: "approved" } });
    for (const person of ["owner", "moderator"] as const) {
      const res = await inbox(s, person);
      expect(res.data.unreadCount).toBe(0);
      expect(res.data.items).toMatchObject([{ kind: "pending", annotation: { status: "approved" } }]);
    }
  });

  it("pages newest first with a cursor", async () => {
    const s = await seminar("pre");
    const made = [];
    for (let i = 0; i < 3; i++) {
      made.push(await annotate(s, s.users.member, { status: "pending" }));
      await notifyModeratorsOfPendingPost({ annotationId: made[i].id });
    }
    const first = await inbox(s, "moderator", "?limit=2");
    const second = await inbox(s, "moderator", `?limit=2&cursor=${first.data.nextCursor}`);
    expect([...first.data.items, ...second.data.items].map((n: { annotation: { id: string } }) => n.annotation.id)).toEqual(made.map((m) => m.id).reverse());
    expect(second.data.nextCursor).toBeNull();
  });
});

describe("everyone's inbox", () => {
  const replyTo = (documentId: string, parentId: string, text: string) => ({
    type: "Annotation",
    motivation: "replying",
    body: { type: "TextualBody", value: text },
    target: `https://example.test/api/annotations/${documentId}/${parentId}`,
  });

  it("shows members their replies and mentions, leading to the document; an approval in a pre group releases them", async () => {
    const s = await seminar("pre");
    const root = await annotate(s, s.users.viewer, { body: "Which edition?" });
    const { annotation: reply } = await createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: replyTo(s.doc.id, root.id, "The 1813 one") });
    expect(reply.status).toBe("pending");
    expect((await inbox(s, "viewer")).data.items).toEqual([]);

    const { default: moderateAnnotation } = await import("@/lib/commands/moderate-annotation");
    await moderateAnnotation({ actorId: s.users.moderator.id, annotationId: reply.id, input: { status: "approved" } });
    const res = await inbox(s, "viewer");
    expect(res.data.unreadCount).toBe(1);
    expect(res.data.items).toMatchObject([
      { kind: "reply", actor: { id: s.users.member.id, name: s.users.member.name }, annotation: { id: reply.id, isReply: true }, url: `http://marginalia.test/documents/${s.doc.id}#annotation-${reply.id}` },
    ]);
  });

  it("does not name peers in an anonymous-to-peers group; moderators still see names", async () => {
    const s = await seminar();
    await db().group.update({ where: { id: s.group.id }, data: { anonymousToPeers: true } });
    const root = await annotate(s, s.users.viewer, { body: "Which edition?" });
    await createAnnotation({ actorId: s.users.member.id, documentId: s.doc.id, input: replyTo(s.doc.id, root.id, "The first") });
    const res = await inbox(s, "viewer");
    expect(res.data.items[0]).toMatchObject({ kind: "reply", actor: { id: null, name: "A classmate" } });
    expect(res.text).not.toContain(s.users.member.id);
    expect(res.text).not.toContain(s.users.member.name);
  });
});
