import { describe, expect, it } from "vitest";
import * as reactionsRoute from "@/app/api/v1/annotations/[annotationId]/reactions/[kind]/route";
import { onAnnotationEvent, type AnnotationEvent } from "@/lib/annotations/events";
import { presentAnnotation } from "@/lib/presenters/annotation";
import { findAnnotation } from "@/lib/queries/system/annotations";
import { call } from "../http";
import { annotate, reply, groupWithEveryRole } from "../fixtures";

const react = (annotationId: string, kind: string, token: string, on = true) =>
  call(on ? reactionsRoute.PUT : reactionsRoute.DELETE, { method: on ? "PUT" : "DELETE", params: { annotationId, kind }, token });

describe("reactions", () => {
  it("one of each kind per person: repeating is harmless, taking back is idempotent, counts are per kind", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const note = await annotate(document.id, group.id, people.member.id);

    const first = await react(note.id, "helpful", tokens.other);
    expect(first.status).toBe(200);
    expect(first.data).toEqual({ annotationId: note.id, reactions: { helpful: 1, question: 0 }, myReactions: ["helpful"] });
    expect((await react(note.id, "helpful", tokens.other)).data.reactions).toEqual({ helpful: 1, question: 0 });
    expect((await react(note.id, "helpful", tokens.editor)).data).toMatchObject({ reactions: { helpful: 2, question: 0 }, myReactions: ["helpful"] });
    expect((await react(note.id, "question", tokens.other)).data).toMatchObject({ reactions: { helpful: 2, question: 1 }, myReactions: ["helpful", "question"] });
    // Authors may react to their own notes too ("I still have this question").
    expect((await react(note.id, "question", tokens.member)).data.reactions).toEqual({ helpful: 2, question: 2 });

    const back = await react(note.id, "helpful", tokens.other, false);
    expect(back.status).toBe(200);
    expect(back.data).toMatchObject({ reactions: { helpful: 1, question: 2 }, myReactions: ["question"] });
    expect((await react(note.id, "helpful", tokens.other, false)).data.reactions).toEqual({ helpful: 1, question: 2 });

    // The annotation's JSON carries the counts, and the caller's own reactions only.
    const row = (await findAnnotation(document.id, note.id))!;
    const asOther = presentAnnotation(row, "http://marginalia.test", { userId: people.other.id, membership: { role: "member", muted: false } });
    expect(asOther).toMatchObject({ reactions: { helpful: 1, question: 2 }, myReactions: ["question"] });
    const asEditor = presentAnnotation(row, "http://marginalia.test", { userId: people.editor.id, membership: { role: "editor", muted: false } });
    expect(asEditor.myReactions).toEqual(["helpful"]);
    expect(JSON.stringify(asOther)).not.toContain(people.editor.id);
  });

  it("works on replies, and tells live pages with annotation.updated only when something changed", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const root = await annotate(document.id, group.id, people.member.id);
    const answer = await reply(root, people.other.id);
    const events: AnnotationEvent[] = [];
    const stop = onAnnotationEvent((event) => events.push(event));
    try {
      expect((await react(answer.id, "helpful", tokens.member)).data.reactions).toEqual({ helpful: 1, question: 0 });
      await react(answer.id, "helpful", tokens.member);
      await react(answer.id, "question", tokens.member, false);
    } finally {
      stop();
    }
    expect(events).toEqual([expect.objectContaining({ type: "annotation.updated", documentId: document.id, annotationId: answer.id })]);
  });

  it("follows the read policy: invisible items are 404, visible ones without the post right 403", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const open = await annotate(document.id, group.id, people.member.id);
    const mine = await annotate(document.id, group.id, people.member.id, { visibility: "private" });
    const pending = await annotate(document.id, group.id, people.member.id, { status: "pending" });
    const hidden = await annotate(document.id, group.id, people.member.id, { status: "hidden" });
    const deleted = await annotate(document.id, group.id, people.member.id, { deletedAt: new Date() });
    const hiddenThread = await annotate(document.id, group.id, people.member.id, { status: "hidden" });
    const replyInHidden = await reply(hiddenThread, people.other.id);

    expect((await react(open.id, "helpful", tokens.outsider)).status).toBe(404);
    expect((await react("no-such-annotation", "helpful", tokens.other)).status).toBe(404);
    expect((await react(mine.id, "helpful", tokens.other)).status).toBe(404);
    expect((await react(mine.id, "helpful", tokens.moderator)).status).toBe(404);
    expect((await react(mine.id, "helpful", tokens.member)).status).toBe(200);
    for (const item of [pending, hidden, replyInHidden]) {
      expect((await react(item.id, "question", tokens.other)).status).toBe(404);
      expect((await react(item.id, "question", tokens.moderator)).status).toBe(200);
    }
    expect((await react(deleted.id, "helpful", tokens.member)).status).toBe(404);
    expect((await react(open.id, "helpful", tokens.viewer)).status).toBe(403);
    const muted = await react(open.id, "helpful", tokens.muted);
    expect(muted.status).toBe(403);
    expect(muted.data.error.message).toMatch(/muted/);
    expect((await react(open.id, "applause", tokens.other)).status).toBe(400);
    expect((await call(reactionsRoute.PUT, { method: "PUT", params: { annotationId: open.id, kind: "helpful" } })).status).toBe(401);

    // Nothing above left a trace except the allowed reactions.
    const row = (await findAnnotation(document.id, open.id))!;
    expect(row.reactions).toEqual([]);
  });
});
