import { describe, expect, it } from "vitest";
import * as flagItem from "@/app/api/v1/annotations/[annotationId]/flags/[flagId]/route";
import * as flags from "@/app/api/v1/annotations/[annotationId]/flags/route";
import * as queue from "@/app/api/v1/groups/[groupId]/moderation/queue/route";
import * as notifications from "@/app/api/v1/notifications/route";
import { db } from "@/lib/db";
import { call } from "../http";
import { annotate, seminar } from "./fixtures";

describe("flagging", () => {
  it("anyone who can see an item flags it once, with a reason; a second flag is 409 and changes nothing", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    const flag = (who: "viewer" | "muted" | "editor", json: object) => call(flags.POST, { method: "POST", token: s.tokens[who], params: { annotationId: item.id }, json });
    const first = await flag("viewer", { reason: "other", text: "Quotes the wrong edition" });
    expect(first.status).toBe(201);
    expect(first.data).toMatchObject({ annotationId: item.id, reason: "other", text: "Quotes the wrong edition" });
    expect(first.data).not.toHaveProperty("userId");
    expect(first.headers.get("location")).toBe(`http://marginalia.test/api/v1/annotations/${item.id}/flags/${first.data.id}`);
    expect((await call(flagItem.GET, { token: s.tokens.viewer, params: { annotationId: item.id, flagId: first.data.id } })).status).toBe(200);
    expect((await call(flagItem.GET, { token: s.tokens.editor, params: { annotationId: item.id, flagId: first.data.id } })).status).toBe(404);

    const again = await flag("viewer", { reason: "spam" });
    expect(again.status).toBe(409);
    expect(again.data.error.code).toBe("already_flagged");
    expect((await flag("muted", { reason: "abusive" })).status).toBe(201);
    expect(await db().flag.count({ where: { annotationId: item.id } })).toBe(2);
  });

  it("the author cannot flag their own words (422)", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.member);
    const res = await call(flags.POST, { method: "POST", token: s.tokens.member, params: { annotationId: item.id }, json: { reason: "spam" } });
    expect(res.status).toBe(422);
    expect(res.data.error.code).toBe("own_annotation");
  });

  it("never tells anyone who flagged: not the queue, not the flag list, not the inbox, not the author", async () => {
    const s = await seminar();
    const item = await annotate(s, s.users.moderator, { body: "A moderator's own remark" });
    const flagger = s.users.viewer;
    await call(flags.POST, { method: "POST", token: s.tokens.viewer, params: { annotationId: item.id }, json: { reason: "abusive", text: "rude" } });

    const answers = [
      await call(queue.GET, { token: s.tokens.owner, params: { groupId: s.group.id }, path: "/q?filter=flagged" }),
      await call(flags.GET, { token: s.tokens.owner, params: { annotationId: item.id } }),
      await call(flags.GET, { token: s.tokens.moderator, params: { annotationId: item.id } }),
      await call(notifications.GET, { token: s.tokens.owner }),
      await call(notifications.GET, { token: s.tokens.moderator }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.text).not.toContain(flagger.id);
      expect(answer.text).not.toContain(flagger.name);
    }
    expect(answers[0].data.items[0]).toMatchObject({ flagCount: 1, flags: [{ reason: "abusive", text: "rude" }] });
    expect(Object.keys(answers[0].data.items[0].flags[0]).sort()).toEqual(["at", "reason", "text"]);
    // The owner hears of it; the moderator who wrote it does not get a report about their own words.
    expect(answers[3].data.items.map((n: { kind: string; actor: unknown }) => [n.kind, n.actor])).toEqual([["flag", null]]);
    expect(answers[4].data.items).toEqual([]);
  });

  it("flags on items the flagger cannot see are 404, as if the item did not exist", async () => {
    const s = await seminar("pre");
    const pending = await annotate(s, s.users.member, { status: "pending" });
    const hidden = await annotate(s, s.users.member, { status: "hidden" });
    for (const id of [pending.id, hidden.id, "missing"]) {
      const res = await call(flags.POST, { method: "POST", token: s.tokens.viewer, params: { annotationId: id }, json: { reason: "spam" } });
      expect(res.status).toBe(404);
    }
    expect(await db().flag.count({ where: { annotationId: { in: [pending.id, hidden.id] } } })).toBe(0);
  });
});
