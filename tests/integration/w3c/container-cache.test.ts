import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { db } from "@/lib/db";
import { annotate, idOf, scene, w3c } from "./helpers";

/**
 * Containers are cached per viewer and annotation revision (lib/w3c/container-resource.ts):
 * every change to what a representation shows must reach the next GET.
 */
describe("W3C container: cached answers follow every change they depend on", () => {
  it("reactions, flags, authors' names, moderation, titles, roles and group settings", async () => {
    const s = await scene();
    const params = { documentId: s.document.id };
    const get = async (who: keyof typeof s.tokens) => {
      const res = await w3c(container.GET, { token: s.tokens[who], params });
      expect(res.status).toBe(200);
      return { etag: res.headers.get("etag"), data: res.data, item: res.data.first?.items?.[0] };
    };
    const note = await annotate(s.users.member.id, s.document.id, "lazy dog");

    const before = await get("other");
    expect(before.item.reactions).toEqual({ helpful: 0, question: 0 });
    expect(await get("other")).toEqual(before); // served again, unchanged

    await db().reaction.create({ data: { annotationId: note.id, userId: s.users.editor.id, kind: "helpful" } });
    const reacted = await get("other");
    expect(reacted.item.reactions).toEqual({ helpful: 1, question: 0 });
    expect(reacted.etag).not.toBe(before.etag);

    expect((await get("moderator")).item.flagCount).toBe(0);
    await flagAnnotation({ actorId: s.users.other.id, annotationId: note.id, input: { reason: "off_topic" } });
    expect((await get("moderator")).item.flagCount).toBe(1);

    await db().user.update({ where: { id: s.users.member.id }, data: { name: "Renamed Reader" } });
    expect((await get("other")).item.creator.name).toBe("Renamed Reader");

    await db().document.update({ where: { id: s.document.id }, data: { title: "A new title" } });
    expect((await get("other")).data.label).toBe("Annotations on “A new title”");

    await db().annotation.update({ where: { id: note.id }, data: { status: "hidden" } });
    expect((await get("other")).data.total).toBe(0);
    await db().membership.update({ where: { groupId_userId: { groupId: s.group.id, userId: s.users.other.id } }, data: { role: "moderator" } });
    expect((await get("other")).data.total).toBe(1);

    await db().annotation.update({ where: { id: note.id }, data: { status: "approved" } });
    await db().group.update({ where: { id: s.group.id }, data: { anonymousToPeers: true } });
    expect((await get("editor")).item.creator.name).toBe("A classmate");
  });

  it("a page presented before is reused only while its rows are unchanged: each change shows on its own page at once", async () => {
    const s = await scene();
    const params = { documentId: s.document.id };
    const page = async (who: keyof typeof s.tokens, n: number) => {
      const res = await w3c(container.GET, { token: s.tokens[who], params, path: `/api/annotations/${s.document.id}/?page=${n}` });
      expect(res.status).toBe(200);
      return res.data as { items: { id: string; creator: { name: string }; reactions: { helpful: number }; myReactions: string[]; flagCount?: number; body?: { value: string }; target: { selector: { start?: number }[] } }[] };
    };
    // 150 notes: page 0 is the member's, page 1 (50 items) the editor's.
    const first = await annotate(s.users.member.id, s.document.id, "lazy dog");
    const row = await db().annotation.findUniqueOrThrow({ where: { id: first.id } });
    const { id: _id, searchVector: _sv, ...template } = row as typeof row & { searchVector?: unknown };
    const t0 = row.createdAt.getTime();
    await db().annotation.createMany({
      data: Array.from({ length: 149 }, (_, i) => ({ ...template, id: `c${randomUUID().replaceAll("-", "")}`, authorId: i < 99 ? s.users.member.id : s.users.editor.id, body: `note ${i + 1}`, createdAt: new Date(t0 + (i + 1) * 1000), updatedAt: new Date(t0 + (i + 1) * 1000) })) as never,
    });
    const [p0, p1] = [await page("other", 0), await page("other", 1)];
    expect(p0.items).toHaveLength(100);
    expect(p1.items).toHaveLength(50);
    const onPage1 = idOf(p1.items[10].id);
    const onPage0 = idOf(p0.items[10].id);

    // An edit on page 1: page 1 shows it, page 0 is the same as before.
    await db().annotation.update({ where: { id: onPage1 }, data: { body: "edited in place", version: { increment: 1 } } });
    expect((await page("other", 1)).items[10].body?.value).toBe("edited in place");
    expect(await page("other", 0)).toEqual(p0);

    // Re-anchoring (selectors only, no new version) shows too.
    await db().annotation.update({ where: { id: onPage1 }, data: { positionStart: 5, positionEnd: 9 } });
    expect((await page("other", 1)).items[10].target.selector[1].start).toBe(5);

    // The author's name (another table), right after the page was served to this viewer.
    await page("other", 1);
    await db().user.update({ where: { id: s.users.editor.id }, data: { name: "Renamed Editor" } });
    expect((await page("other", 1)).items.every((item) => item.creator.name === "Renamed Editor")).toBe(true);
    expect(await page("other", 0)).toEqual(p0);

    // A reaction added, then taken back.
    await db().reaction.create({ data: { annotationId: onPage0, userId: s.users.editor.id, kind: "helpful" } });
    expect((await page("other", 0)).items[10].reactions.helpful).toBe(1);
    await db().reaction.create({ data: { annotationId: onPage0, userId: s.users.moderator.id, kind: "helpful" } });
    expect((await page("other", 0)).items[10].reactions.helpful).toBe(2);
    // One taken back and another given in its place: the same count, but now the viewer's own.
    await db().reaction.deleteMany({ where: { annotationId: onPage0, userId: { not: s.users.editor.id } } });
    expect((await page("other", 0)).items[10].myReactions).toEqual([]);
    await db().$transaction([
      db().reaction.deleteMany({ where: { annotationId: onPage0 } }),
      db().reaction.create({ data: { annotationId: onPage0, userId: s.users.other.id, kind: "helpful" } }),
    ]);
    expect((await page("other", 0)).items[10]).toMatchObject({ reactions: { helpful: 1 }, myReactions: ["helpful"] });
    await db().reaction.deleteMany({ where: { annotationId: onPage0 } });
    expect(await page("other", 0)).toEqual(p0);

    // Flags, as moderators see them: raised, then resolved.
    expect((await page("moderator", 0)).items[10].flagCount).toBe(0);
    const flag = await db().flag.create({ data: { annotationId: onPage0, userId: s.users.other.id, reason: "off_topic" } });
    expect((await page("moderator", 0)).items[10].flagCount).toBe(1);
    await db().flag.update({ where: { id: flag.id }, data: { resolvedAt: new Date() } });
    expect((await page("moderator", 0)).items[10].flagCount).toBe(0);

    // The same rows for another viewer are presented for them (their own reactions, names withheld).
    await db().group.update({ where: { id: s.group.id }, data: { anonymousToPeers: true } });
    expect((await page("other", 1)).items[0].creator.name).toBe("A classmate");
    expect((await page("editor", 1)).items[0].creator.name).toBe("Renamed Editor");
  });

  it("answers are whole JSON whatever the title holds: text that looks like the items' placeholder stays text", async () => {
    const s = await scene();
    const note = await annotate(s.users.member.id, s.document.id, "lazy dog");
    for (const title of ['["\\u0000items\\u0000"]', '"]}, {"items": ["x"]}', "\\u0000items\\u0000 “quoted” ✓"]) {
      await db().document.update({ where: { id: s.document.id }, data: { title } });
      for (const path of [`/api/annotations/${s.document.id}/`, `/api/annotations/${s.document.id}/?page=0`]) {
        const res = await w3c(container.GET, { token: s.tokens.other, params: { documentId: s.document.id }, path });
        expect(res.status).toBe(200);
        const page = path.endsWith("page=0") ? res.data : res.data.first;
        if (!path.endsWith("page=0")) expect(res.data.label).toBe(`Annotations on “${title}”`);
        expect(page.items.map((item: { id: string }) => idOf(item.id))).toEqual([note.id]);
      }
    }
  });
});
