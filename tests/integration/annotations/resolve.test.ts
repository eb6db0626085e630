import { describe, expect, it } from "vitest";
import * as resolveRoute from "@/app/api/v1/annotations/[annotationId]/resolve/route";
import { onAnnotationEvent, type AnnotationEvent } from "@/lib/annotations/events";
import { db } from "@/lib/db";
import { can, ROLES, type ThreadFacts } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { call } from "../http";
import { annotate, reply, groupWithEveryRole } from "../fixtures";

const resolve = (annotationId: string, token: string, resolved = true) =>
  call(resolved ? resolveRoute.POST : resolveRoute.DELETE, { method: resolved ? "POST" : "DELETE", params: { annotationId }, token });

describe("resolving threads", () => {
  it("the author resolves and reopens their thread; the version moves and live pages hear annotation.updated", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const thread = await annotate(document.id, group.id, people.member.id);
    const events: AnnotationEvent[] = [];
    const stop = onAnnotationEvent((event) => events.push(event));
    try {
      const done = await resolve(thread.id, tokens.member);
      expect(done.status).toBe(200);
      expect(done.data).toMatchObject({ resolved: true, id: expect.stringContaining(thread.id), reactions: { helpful: 0, question: 0 } });
      expect((await resolve(thread.id, tokens.member)).data.resolved).toBe(true);
      const reopened = await resolve(thread.id, tokens.member, false);
      expect(reopened.data.resolved).toBe(false);
    } finally {
      stop();
    }
    expect(events.map((e) => e.type)).toEqual(["annotation.updated", "annotation.updated"]);
    expect((await db().annotation.findUniqueOrThrow({ where: { id: thread.id } })).version).toBe(thread.version + 2);
  });

  it("moderators and owners may resolve anyone's thread; other members, editors and viewers get 403", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const thread = await annotate(document.id, group.id, people.member.id);
    for (const who of ["other", "editor", "viewer"] as const) expect((await resolve(thread.id, tokens[who])).status, who).toBe(403);
    expect((await resolve(thread.id, tokens.moderator)).data.resolved).toBe(true);
    expect((await resolve(thread.id, tokens.owner, false)).data.resolved).toBe(false);
  });

  it("a muted author may still resolve (it posts nothing); replies are not threads (422)", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const thread = await annotate(document.id, group.id, people.muted.id);
    expect((await resolve(thread.id, tokens.muted)).data.resolved).toBe(true);
    const answer = await reply(thread, people.member.id);
    const refused = await resolve(answer.id, tokens.member);
    expect(refused.status).toBe(422);
    expect(refused.data.error.code).toBe("not_a_thread");
  });

  it("invisible threads are 404 for everyone who cannot see them, moderators of others' private notes included", async () => {
    const { group, document, people, tokens } = await groupWithEveryRole();
    const privateNote = await annotate(document.id, group.id, people.member.id, { visibility: "private" });
    const pending = await annotate(document.id, group.id, people.member.id, { status: "pending" });
    expect((await resolve(privateNote.id, tokens.moderator)).status).toBe(404);
    expect((await resolve(privateNote.id, tokens.outsider)).status).toBe(404);
    expect((await resolve(privateNote.id, tokens.member)).status).toBe(200);
    expect((await resolve(pending.id, tokens.other)).status).toBe(404);
    expect((await resolve(pending.id, tokens.moderator)).status).toBe(200);
    expect((await resolve(pending.id, tokens.member, false)).status).toBe(200);
  });

  it("annotation.resolve over every role, for the author and for someone else", () => {
    const mayResolve = (viewer: Viewer, item: ThreadFacts) => can(viewer, "annotation.resolve", item);
    const thread = { authorId: "author", visibility: "group" as const, status: "approved" as const, threadId: null };
    for (const role of ROLES) {
      const membership = { role, muted: false };
      const moderates = role === "moderator" || role === "owner";
      expect(mayResolve({ userId: "author", membership }, thread), `${role} author`).toBe(true);
      expect(mayResolve({ userId: "someone", membership }, thread), `${role} other`).toBe(moderates);
      expect(mayResolve({ userId: "author", membership }, { ...thread, threadId: "root" }), `${role} reply`).toBe(false);
    }
    expect(mayResolve({ userId: "author", membership: null }, thread)).toBe(false);
  });
});
