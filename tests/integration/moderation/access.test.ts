import { beforeAll, describe, expect, it } from "vitest";
import * as flags from "@/app/api/v1/annotations/[annotationId]/flags/route";
import * as lock from "@/app/api/v1/annotations/[annotationId]/lock/route";
import * as moderation from "@/app/api/v1/annotations/[annotationId]/moderation/route";
import * as notes from "@/app/api/v1/annotations/[annotationId]/notes/route";
import * as bulk from "@/app/api/v1/groups/[groupId]/moderation/bulk/route";
import * as log from "@/app/api/v1/groups/[groupId]/moderation/log/route";
import * as queue from "@/app/api/v1/groups/[groupId]/moderation/queue/route";
import * as notifications from "@/app/api/v1/notifications/route";
import * as read from "@/app/api/v1/notifications/read/route";
import { createMember } from "../../factories";
import { call } from "../http";
import { annotate, PEOPLE, seminar, type Person, type Seminar } from "./fixtures";

type Case = { name: string; expect: Partial<Record<Person, number>> & { allowed: number }; run: (s: Seminar, person: Person, annotationId: string) => ReturnType<typeof call> };

const MODERATORS_ONLY = { outsider: 404, otherModerator: 404, viewer: 403, member: 403, muted: 403, editor: 403, moderator: 0, owner: 0 } as const;

const CASES: Case[] = [
  { name: "POST flags", expect: { allowed: 201, outsider: 404, otherModerator: 404 }, run: (s, p, id) => call(flags.POST, { method: "POST", token: s.tokens[p], params: { annotationId: id }, json: { reason: "off_topic" } }) },
  { name: "GET flags", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(flags.GET, { token: s.tokens[p], params: { annotationId: id } }) },
  { name: "PATCH moderation", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(moderation.PATCH, { method: "PATCH", token: s.tokens[p], params: { annotationId: id }, json: { status: "hidden" } }) },
  { name: "POST lock", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(lock.POST, { method: "POST", token: s.tokens[p], params: { annotationId: id } }) },
  { name: "DELETE lock", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(lock.DELETE, { method: "DELETE", token: s.tokens[p], params: { annotationId: id } }) },
  { name: "POST notes", expect: { ...MODERATORS_ONLY, allowed: 201 }, run: (s, p, id) => call(notes.POST, { method: "POST", token: s.tokens[p], params: { annotationId: id }, json: { body: "Watch this one" } }) },
  { name: "GET notes", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(notes.GET, { token: s.tokens[p], params: { annotationId: id } }) },
  { name: "GET queue", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p) => call(queue.GET, { token: s.tokens[p], params: { groupId: s.group.id }, path: "/q?filter=flagged" }) },
  { name: "GET log", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p) => call(log.GET, { token: s.tokens[p], params: { groupId: s.group.id } }) },
  { name: "POST bulk", expect: { ...MODERATORS_ONLY, allowed: 200 }, run: (s, p, id) => call(bulk.POST, { method: "POST", token: s.tokens[p], params: { groupId: s.group.id }, json: { ids: [id], status: "spam" } }) },
];

let s: Seminar;
let author: { id: string };
beforeAll(async () => {
  s = await seminar();
  author = await createMember(s.group.id, "member");
});

describe("who may use each moderation route", () => {
  for (const c of CASES) {
    it(`${c.name}: outsiders and other groups' moderators 404, members without the right 403`, async () => {
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const person of PEOPLE) {
        // A fresh approved item for every caller, so one caller's change never decides the next answer.
        const item = await annotate(s, author);
        got[person] = (await c.run(s, person, item.id)).status;
        want[person] = c.expect[person] || c.expect.allowed;
      }
      expect(got).toEqual(want);
    });
  }

  it("items a caller cannot see are 404 to every route, even for moderators (someone else's private note)", async () => {
    const pending = await annotate(s, author, { status: "pending" });
    const privateNote = await annotate(s, author, { visibility: "private" });
    for (const person of ["viewer", "member", "editor"] as const) {
      expect((await call(flags.POST, { method: "POST", token: s.tokens[person], params: { annotationId: pending.id }, json: { reason: "spam" } })).status).toBe(404);
      expect((await call(moderation.PATCH, { method: "PATCH", token: s.tokens[person], params: { annotationId: pending.id }, json: { status: "approved" } })).status).toBe(404);
    }
    for (const person of ["moderator", "owner"] as const) {
      expect((await call(moderation.PATCH, { method: "PATCH", token: s.tokens[person], params: { annotationId: privateNote.id }, json: { status: "hidden" } })).status).toBe(404);
      expect((await call(notes.POST, { method: "POST", token: s.tokens[person], params: { annotationId: privateNote.id }, json: { body: "x" } })).status).toBe(404);
      expect((await call(lock.POST, { method: "POST", token: s.tokens[person], params: { annotationId: privateNote.id } })).status).toBe(404);
    }
    expect((await call(moderation.PATCH, { method: "PATCH", token: s.tokens.moderator, params: { annotationId: "no-such-annotation" }, json: { status: "hidden" } })).status).toBe(404);
  });

  it("the inbox routes answer every signed-in person, and 401 without credentials", async () => {
    for (const person of PEOPLE) {
      expect((await call(notifications.GET, { token: s.tokens[person] })).status).toBe(200);
      expect((await call(read.POST, { method: "POST", token: s.tokens[person], json: { all: true } })).status).toBe(200);
    }
    expect((await call(notifications.GET)).status).toBe(401);
    expect((await call(queue.GET, { params: { groupId: s.group.id } })).status).toBe(401);
  });

  it("malformed input is 400 with the field named", async () => {
    const item = await annotate(s, author);
    const bad = async (res: Promise<{ status: number; data: { error: { message: string } } }>, field: string) => {
      const r = await res;
      expect(r.status).toBe(400);
      expect(r.data.error.message).toContain(field);
    };
    await bad(call(moderation.PATCH, { method: "PATCH", token: s.tokens.moderator, params: { annotationId: item.id }, json: { status: "deleted" } }), "status");
    await bad(call(flags.POST, { method: "POST", token: s.tokens.member, params: { annotationId: item.id }, json: { reason: "boring" } }), "reason");
    await bad(call(flags.POST, { method: "POST", token: s.tokens.member, params: { annotationId: item.id }, json: { reason: "other" } }), "text");
    await bad(call(notes.POST, { method: "POST", token: s.tokens.moderator, params: { annotationId: item.id }, json: { body: "  " } }), "body");
    await bad(call(bulk.POST, { method: "POST", token: s.tokens.moderator, params: { groupId: s.group.id }, json: { ids: [], status: "hidden" } }), "ids");
    await bad(call(queue.GET, { token: s.tokens.moderator, params: { groupId: s.group.id }, path: "/q?filter=everything" }), "filter");
    await bad(call(log.GET, { token: s.tokens.moderator, params: { groupId: s.group.id }, path: "/q?cursor=garbage" }), "cursor");
    await bad(call(read.POST, { method: "POST", token: s.tokens.member, json: {} }), "ids");
  });
});
