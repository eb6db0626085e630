import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { db } from "@/lib/db";
import { annotate, scene, w3c } from "./helpers";

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
});
