/**
 * Findings: (1) `annotationCount` in GET /api/v1/groups/{id}/documents counted what the reader
 * may not see (approved replies in hidden threads, notes of a hide-and-reveal document before the
 * reader posted) and left out their own private notes, while the W3C container's `total` was
 * right. (2) On a hide-and-reveal document, a private highlight without a note counted as having
 * posted: a member who had said nothing read everyone's notes. Both through the HTTP routes.
 */
import { describe, expect, it } from "vitest";
import * as container from "@/app/api/annotations/[documentId]/route";
import * as item from "@/app/api/annotations/[documentId]/[annotationId]/route";
import * as documents from "@/app/api/v1/groups/[groupId]/documents/route";
import * as search from "@/app/api/v1/groups/[groupId]/search/route";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../factories";
import { call } from "../integration/http";
import { idOf, sourceOf, w3c } from "../integration/w3c/helpers";

const TEXT = "Alpha beta gamma delta epsilon zeta iota kappa.";

async function seminar() {
  const { group, owner } = await createGroup();
  const [writer, reader, moderator] = [await createMember(group.id, "member"), await createMember(group.id, "member"), await createMember(group.id, "moderator")];
  const tokens = { writer: await tokenFor(writer.id), reader: await tokenFor(reader.id), moderator: await tokenFor(moderator.id) };
  return { group, owner, writer, reader, moderator, tokens };
}

const post = (token: string, documentId: string, json: Record<string, unknown>) => w3c(container.POST, { method: "POST", token, params: { documentId }, json: { type: "Annotation", ...json } });
const onWords = (documentId: string, exact: string) => ({ source: sourceOf(documentId), selector: { type: "TextQuoteSelector", exact } });
const note = (documentId: string, exact: string, extra: Record<string, unknown> = {}) => ({ bodyValue: `About ${exact}`, target: onWords(documentId, exact), ...extra });

const containerTotal = async (token: string, documentId: string) => (await w3c(container.GET, { token, params: { documentId } })).data.total as number;
async function listedCounts(token: string, groupId: string) {
  const res = await call(documents.GET, { token, params: { groupId }, path: `/api/v1/groups/${groupId}/documents` });
  expect(res.status).toBe(200);
  return new Map<string, number>(res.data.items.map((d: { id: string; annotationCount: number }) => [d.id, d.annotationCount]));
}

describe("document annotation counts are what the reader sees", () => {
  it("leave out replies in hidden threads, others' private notes and hide-and-reveal notes; include the reader's own private notes", async () => {
    const s = await seminar();
    const open = await createDocumentIn(s.group.id, s.owner.id, TEXT);
    const veiled = await createDocumentIn(s.group.id, s.owner.id, TEXT);
    await db().document.update({ where: { id: veiled.id }, data: { hideUntilPosted: true } });

    // Open document: a thread the moderator hides, with an approved reply; a private note of the writer; the reader's own private note.
    const thread = await post(s.tokens.writer, open.id, note(open.id, "beta"));
    expect(thread.status).toBe(201);
    for (const token of [s.tokens.moderator, s.tokens.reader]) expect((await post(token, open.id, { motivation: "replying", bodyValue: "Agreed", target: thread.data.id })).status).toBe(201);
    await db().annotation.update({ where: { id: idOf(thread.data.id) }, data: { status: "hidden" } });
    expect((await post(s.tokens.writer, open.id, note(open.id, "gamma", { visibility: "private" }))).status).toBe(201);
    expect((await post(s.tokens.reader, open.id, note(open.id, "delta", { visibility: "private" }))).status).toBe(201);
    expect((await post(s.tokens.writer, open.id, note(open.id, "epsilon"))).status).toBe(201);
    // Veiled document: the writer's notes, the reader has posted nothing.
    expect((await post(s.tokens.writer, veiled.id, note(veiled.id, "zeta"))).status).toBe(201);
    expect((await post(s.tokens.writer, veiled.id, note(veiled.id, "iota"))).status).toBe(201);

    const reader = await listedCounts(s.tokens.reader, s.group.id);
    // Own private "delta" and the writer's "epsilon": the hidden thread, the replies in it (their own too) and "gamma" are not the reader's to see.
    expect(reader.get(open.id)).toBe(2);
    expect(reader.get(veiled.id)).toBe(0);
    expect(reader.get(open.id)).toBe(await containerTotal(s.tokens.reader, open.id));
    expect(reader.get(veiled.id)).toBe(await containerTotal(s.tokens.reader, veiled.id));
    // The moderator sees the hidden thread and its replies, never the private notes of others.
    const moderator = await listedCounts(s.tokens.moderator, s.group.id);
    expect(moderator.get(open.id)).toBe(4);
    expect(moderator.get(open.id)).toBe(await containerTotal(s.tokens.moderator, open.id));
    expect(moderator.get(veiled.id)).toBe(2);
  });
});

describe("hide-and-reveal opens only for a note posted to the group", () => {
  it("a private highlight, a group highlight without a note or a private note reveal nothing; a group note does", async () => {
    const s = await seminar();
    const veiled = await createDocumentIn(s.group.id, s.owner.id, TEXT);
    await db().document.update({ where: { id: veiled.id }, data: { hideUntilPosted: true } });
    const others = await post(s.tokens.writer, veiled.id, note(veiled.id, "beta", { bodyValue: "The lantern keeper's view" }));
    expect(others.status).toBe(201);
    const othersId = idOf(others.data.id);
    const readerSees = async () => {
      const res = await w3c(container.GET, { token: s.tokens.reader, params: { documentId: veiled.id }, headers: { prefer: 'return=representation;include="http://www.w3.org/ns/oa#PreferContainedDescriptions"' } });
      return (res.data.first?.items ?? []).map((a: { id: string }) => idOf(a.id));
    };
    const searchFinds = async () => (await call(search.GET, { token: s.tokens.reader, params: { groupId: s.group.id }, path: `/api/v1/groups/${s.group.id}/search?q=lantern` })).data.items.length;

    // The attack: a private highlight with no note.
    const highlight = await post(s.tokens.reader, veiled.id, { motivation: "highlighting", target: onWords(veiled.id, "gamma"), visibility: "private" });
    expect(highlight.status).toBe(201);
    expect(await readerSees()).toEqual([idOf(highlight.data.id)]);
    expect((await w3c(item.GET, { token: s.tokens.reader, params: { documentId: veiled.id, annotationId: othersId } })).status).toBe(404);
    expect(await searchFinds()).toBe(0);
    expect((await listedCounts(s.tokens.reader, s.group.id)).get(veiled.id)).toBe(1);

    // Neither does a highlight shared with the group but without a note, nor a private note.
    expect((await post(s.tokens.reader, veiled.id, { motivation: "highlighting", target: onWords(veiled.id, "delta") })).status).toBe(201);
    expect((await post(s.tokens.reader, veiled.id, note(veiled.id, "epsilon", { visibility: "private" }))).status).toBe(201);
    expect(await readerSees()).not.toContain(othersId);
    expect((await w3c(item.GET, { token: s.tokens.reader, params: { documentId: veiled.id, annotationId: othersId } })).status).toBe(404);

    // A note posted to the group reveals the others.
    const own = await post(s.tokens.reader, veiled.id, note(veiled.id, "zeta"));
    expect(own.status).toBe(201);
    expect(await readerSees()).toContain(othersId);
    expect((await w3c(item.GET, { token: s.tokens.reader, params: { documentId: veiled.id, annotationId: othersId } })).status).toBe(200);
    expect(await searchFinds()).toBe(1);
    // Deleting it hides them again.
    expect((await w3c(item.DELETE, { method: "DELETE", token: s.tokens.reader, params: { documentId: veiled.id, annotationId: idOf(own.data.id) } })).status).toBe(204);
    expect(await readerSees()).not.toContain(othersId);
  });
});
