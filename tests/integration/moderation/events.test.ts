import { NextRequest } from "next/server";
import { afterEach, describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as events from "@/app/api/v1/groups/[groupId]/moderation/events/route";
import * as bulk from "@/app/api/v1/groups/[groupId]/moderation/bulk/route";
import * as flags from "@/app/api/v1/annotations/[annotationId]/flags/route";
import * as lock from "@/app/api/v1/annotations/[annotationId]/lock/route";
import * as moderation from "@/app/api/v1/annotations/[annotationId]/moderation/route";
import { relayAnnotationEvent } from "@/lib/annotations/events";
import createAnnotation from "@/lib/commands/create-annotation";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { db } from "@/lib/db";
import { moderationEventStream } from "@/lib/moderation/queue-stream";
import { connect, useCollabServer, synced, until } from "../collab/harness";
import { call } from "../http";
import { annotationOn, idOf, w3c } from "../w3c/helpers";
import { annotate, seminar, type Person, type Seminar } from "./fixtures";

const ORIGIN = "http://marginalia.test";
type Message = { event: string; data: any };

/** A reader of a Server-Sent Events body: `next(name)` waits for the next event of that name. */
function reader(body: ReadableStream<Uint8Array>) {
  const stream = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  const comments: string[] = [];
  const parse = (block: string): Message | null => {
    let event = "message";
    const data: string[] = [];
    for (const line of block.split("\n")) {
      if (line.startsWith(":")) comments.push(line);
      else if (line.startsWith("event: ")) event = line.slice(7);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    return data.length ? { event, data: JSON.parse(data.join("\n")) } : null;
  };
  const read = async (): Promise<Message | "end"> => {
    for (;;) {
      const split = buffer.indexOf("\n\n");
      if (split >= 0) {
        const message = parse(buffer.slice(0, split));
        buffer = buffer.slice(split + 2);
        if (message) return message;
        continue;
      }
      const chunk = await stream.read();
      if (chunk.done) return "end";
      buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  const within = <T,>(promise: Promise<T>, ms: number, what: string) =>
    Promise.race([promise, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms))]);
  return {
    comments,
    next: async (name: string, ms = 5000) => {
      for (;;) {
        const message = await within(read(), ms, `"${name}" event`);
        if (message === "end") throw new Error(`the stream ended before a "${name}" event`);
        if (message.event === name) return message.data;
      }
    },
    end: (ms = 5000) => within(read(), ms, "end of stream"),
  };
}

const opened: AbortController[] = [];
afterEach(() => opened.splice(0).forEach((c) => c.abort()));

/** Opens the events route as `who` (or anonymously), the way a browser's EventSource would. */
async function open(s: Seminar, who: Person | null, groupId = s.group.id) {
  const controller = new AbortController();
  opened.push(controller);
  const headers = new Headers(who ? { authorization: `Bearer ${s.tokens[who]}` } : {});
  const request = new NextRequest(new URL(`/api/v1/groups/${groupId}/moderation/events`, ORIGIN), { headers, signal: controller.signal });
  const response = await events.GET(request, { params: Promise.resolve({ groupId }) });
  return { response, controller };
}

async function stream(s: Seminar, who: Person = "moderator", groupId = s.group.id) {
  const { response, controller } = await open(s, who, groupId);
  expect(response.status).toBe(200);
  const sse = reader(response.body!);
  const ready = await sse.next("ready");
  return { ...sse, ready, abort: () => controller.abort() };
}

const post = (s: Seminar, who: Person, exact: string, documentId = s.doc.id) =>
  w3c(container.POST, { method: "POST", token: s.tokens[who], params: { documentId }, json: annotationOn(documentId, exact) });

const listeners = () => {
  const bus = (globalThis as { marginaliaAnnotationEvents?: { listenerCount(name: string): number } }).marginaliaAnnotationEvents;
  return (bus?.listenerCount("annotation") ?? 0) + (bus?.listenerCount("annotation.relayed") ?? 0);
};

describe("GET /api/v1/groups/{id}/moderation/events", () => {
  it("is for the group's moderators: anonymous 401, outsiders and other groups' moderators 404, members 403", async () => {
    const s = await seminar("pre");
    const expected: [Person | null, number][] = [
      [null, 401], ["outsider", 404], ["otherModerator", 404], ["viewer", 403], ["member", 403], ["muted", 403], ["editor", 403], ["moderator", 200], ["owner", 200],
    ];
    for (const [who, status] of expected) {
      const { response, controller } = await open(s, who);
      expect([who, response.status]).toEqual([who, status]);
      if (status === 200) {
        expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
        expect(response.headers.get("cache-control")).toContain("no-transform");
        expect(await reader(response.body!).next("ready")).toEqual({ counts: { open: 0, pending: 0, flagged: 0, hidden: 0, spam: 0 } });
      } else {
        expect(response.headers.get("content-type")).toContain("application/json");
        expect((await response.json()).error.code).toBeTruthy();
      }
      controller.abort();
    }
    // A group that does not exist looks exactly like one the caller is not in.
    expect((await open(s, "moderator", "00000000-0000-4000-8000-000000000000")).response.status).toBe(404);
  });

  it("tells the moderator when a member posts in a pre-moderated group, with the new counts", async () => {
    const s = await seminar("pre");
    const sse = await stream(s);
    const res = await post(s, "member", "a great and sudden change");
    expect(res.status).toBe(201);
    const change = await sse.next("queue");
    expect(change).toEqual({ events: [{ type: "annotation.created", annotationId: idOf(res.data.id) }], counts: { open: 1, pending: 1, flagged: 0, hidden: 0, spam: 0 } });
  });

  it("tells the moderator when someone flags an item, and when a moderator decides (single, bulk) or locks", async () => {
    const s = await seminar("post");
    const item = await annotate(s, s.users.member);
    const [a, b] = [await annotate(s, s.users.editor, { status: "pending" }), await annotate(s, s.users.viewer, { status: "pending" })];
    const sse = await stream(s);
    expect(sse.ready.counts).toMatchObject({ open: 2, pending: 2, flagged: 0 });

    expect((await call(flags.POST, { method: "POST", token: s.tokens.viewer, params: { annotationId: item.id }, json: { reason: "abusive" } })).status).toBe(201);
    expect(await sse.next("queue")).toEqual({ events: [{ type: "annotation.flagged", annotationId: item.id }], counts: { open: 3, pending: 2, flagged: 1, hidden: 0, spam: 0 } });

    expect((await call(moderation.PATCH, { method: "PATCH", token: s.tokens.owner, params: { annotationId: item.id }, json: { status: "hidden" } })).status).toBe(200);
    expect(await sse.next("queue")).toEqual({ events: [{ type: "annotation.moderated", annotationId: item.id }], counts: { open: 2, pending: 2, flagged: 0, hidden: 1, spam: 0 } });

    // A bulk decision is one message, naming every item.
    expect((await call(bulk.POST, { method: "POST", token: s.tokens.moderator, params: { groupId: s.group.id }, json: { ids: [a.id, b.id], status: "spam" } })).status).toBe(200);
    const decided = await sse.next("queue");
    expect(decided.events.map((e: { annotationId: string }) => e.annotationId).sort()).toEqual([a.id, b.id].sort());
    expect(decided.counts).toEqual({ open: 0, pending: 0, flagged: 0, hidden: 1, spam: 2 });

    expect((await call(lock.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: item.id } })).status).toBe(200);
    expect(await sse.next("queue")).toEqual({ events: [{ type: "annotation.updated", annotationId: item.id }], counts: decided.counts });
  });

  it("never carries another group's events, nor others' private notes or ordinary approved posts", async () => {
    const s = await seminar("pre");
    const elsewhere = await seminar("pre");
    const sse = await stream(s);
    // The other group's moderator is not in this group; its member posts a pending item there.
    const theirs = await post(elsewhere, "member", "a great and sudden change");
    expect(theirs.status).toBe(201);
    // A private note and a moderator's own approved post change nothing in this queue.
    await w3c(container.POST, { method: "POST", token: s.tokens.member, params: { documentId: s.doc.id }, json: annotationOn(s.doc.id, "a truth", { visibility: "private" }) });
    expect((await post(s, "owner", "the human mind")).status).toBe(201);
    const mine = await post(s, "member", "universally acknowledged");
    const change = await sse.next("queue");
    expect(change.events).toEqual([{ type: "annotation.created", annotationId: idOf(mine.data.id) }]);
    expect(JSON.stringify(change)).not.toContain(idOf(theirs.data.id));
    expect(change.counts).toEqual({ open: 1, pending: 1, flagged: 0, hidden: 0, spam: 0 });
  });

  it("hears events relayed from other instances (the collaboration server's Redis relay)", async () => {
    const s = await seminar("pre");
    const item = await annotate(s, s.users.member, { status: "pending" });
    const sse = await stream(s);
    // As if another instance had written the item and its event had come through Redis.
    relayAnnotationEvent({ type: "annotation.created", documentId: s.doc.id, annotationId: item.id });
    expect(await sse.next("queue")).toEqual({ events: [{ type: "annotation.created", annotationId: item.id }], counts: { open: 1, pending: 1, flagged: 0, hidden: 0, spam: 0 } });
  });

  it("closes cleanly on abort and stops listening; a demoted moderator's stream ends", async () => {
    const s = await seminar("pre");
    const before = listeners();
    const first = await stream(s);
    expect(listeners()).toBe(before + 2);
    first.abort();
    expect(await first.end()).toBe("end");
    expect(listeners()).toBe(before);

    const second = await stream(s);
    await db().membership.update({ where: { groupId_userId: { groupId: s.group.id, userId: s.users.moderator.id } }, data: { role: "member" } });
    expect((await post(s, "member", "a great and sudden change")).status).toBe(201);
    expect(await second.end()).toBe("end");
    expect(listeners()).toBe(before);
  });

  it("sends a heartbeat comment while nothing happens", async () => {
    const s = await seminar("pre");
    const controller = new AbortController();
    const viewer = { userId: s.users.moderator.id, groupId: s.group.id, membership: { role: "moderator" as const, muted: false } };
    const sse = reader(moderationEventStream({ viewer, credential: { kind: "token", id: "heartbeat-test" }, signal: controller.signal, heartbeatMs: 20 }));
    await sse.next("ready");
    await new Promise((resolve) => setTimeout(resolve, 70));
    controller.abort();
    expect(await sse.end()).toBe("end");
    expect(sse.comments.filter((c) => c === ": heartbeat").length).toBeGreaterThanOrEqual(2);
  });
});

describe("a flag on a live document (collaboration server)", () => {
  const collab = useCollabServer();
  const clients = collab.clients;

  it("reaches moderators' open pages as an update with the new flag count; nobody else hears of it", async () => {
    const s = await seminar("post");
    const item = await annotate(s, s.users.member);
    const pages = Object.fromEntries(
      (["member", "viewer", "moderator", "owner"] as const).map((who) => {
        const client = connect(collab.server.url, s.doc.id, { token: s.tokens[who] });
        clients.push(client);
        const messages: { type: string; annotation: { id: string; flagCount?: number } }[] = [];
        client.provider.on("stateless", ({ payload }: { payload: string }) => {
          const message = JSON.parse(payload);
          if (String(message.type).startsWith("annotation.")) messages.push(message);
        });
        return [who, { client, messages }];
      }),
    );
    await Promise.all(Object.values(pages).map((p) => synced(p.client)));

    await flagAnnotation({ actorId: s.users.viewer.id, annotationId: item.id, input: { reason: "abusive" } });
    for (const who of ["moderator", "owner"]) {
      await until(() => pages[who].messages.some((m) => m.annotation.id.endsWith(item.id)), `the flag to the ${who}`);
      expect(pages[who].messages.filter((m) => m.annotation.id.endsWith(item.id)).map((m) => [m.type, m.annotation.flagCount])).toEqual([["annotation.updated", 1]]);
    }
    // A marker after the flag: once everyone has it, the flag was delivered or never will be.
    const marker = await createAnnotation({ actorId: s.users.owner.id, documentId: s.doc.id, input: annotationOn(s.doc.id, "a truth universally acknowledged") });
    await until(() => Object.values(pages).every((p) => p.messages.some((m) => m.annotation.id.endsWith(marker.annotation.id))), "the marker everywhere");
    for (const who of ["member", "viewer"]) expect(pages[who].messages.filter((m) => m.annotation.id.endsWith(item.id))).toEqual([]);
  });
});
