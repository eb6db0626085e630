import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/v1/annotations/[annotationId]/reattach/route";
import { resolveAnchor } from "@/lib/anchoring/anchors";
import { withDocumentState } from "@/lib/annotations/document-text";
import createAnnotation from "@/lib/commands/create-annotation";
import reattachAnnotation from "@/lib/commands/reattach-annotation";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { call } from "../http";

const TEXT = "Nothing is so painful to the human mind as a great and sudden change.\n\nIt is a truth universally acknowledged, that a change is as good as a rest.";

async function setup(moderation: "post" | "pre" = "post") {
  const { group, owner } = await createGroup({ moderation });
  const [author, other, moderator] = await Promise.all([createMember(group.id, "member"), createMember(group.id, "member"), createMember(group.id, "moderator")]);
  const doc = await createDocumentIn(group.id, owner.id, TEXT);
  return { group, owner, author, other, moderator, doc };
}

type World = Awaited<ReturnType<typeof setup>>;

/** A note on `exact` by the author, then orphaned with `stored` as its last quote (its words deleted, as far as it knows). */
async function orphan(w: World, exact: string, stored: { exact?: string; prefix?: string; suffix?: string } = {}) {
  const input = {
    type: "Annotation",
    body: { type: "TextualBody", value: "A note", format: "text/plain" },
    target: { source: `https://example.test/documents/${w.doc.id}`, selector: { type: "TextQuoteSelector", exact } },
  };
  const { annotation } = await createAnnotation({ actorId: w.author.id, documentId: w.doc.id, input });
  return db().annotation.update({
    where: { id: annotation.id },
    data: { orphaned: true, positionStart: null, positionEnd: null, ...(stored.exact ? { quoteExact: stored.exact } : {}), ...(stored.prefix !== undefined ? { quotePrefix: stored.prefix } : {}), ...(stored.suffix !== undefined ? { quoteSuffix: stored.suffix } : {}) },
  });
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { status?: number; code?: string }) => ({ status: e.status, code: e.code }));

/** Where the stored anchor of an annotation is in the document's text now. */
async function whereNow(id: string, documentId: string) {
  const row = await db().annotation.findUniqueOrThrow({ where: { id } });
  return withDocumentState(documentId, (doc) => resolveAnchor(doc, { start: new Uint8Array(row.anchorStart!), end: new Uint8Array(row.anchorEnd!) }));
}

describe("re-attaching an orphaned annotation", () => {
  it("finds its stored quote again, by its context among repeated words, and ties a new anchor to those words", async () => {
    const w = await setup();
    // "as" stands three times in the text; its stored context names the second one.
    const item = await orphan(w, "human mind", { exact: "as", prefix: "a change is ", suffix: " good as" });
    const { annotation } = await reattachAnnotation({ actorId: w.author.id, annotationId: item.id, input: { method: "quote" } });
    expect(annotation).toMatchObject({ orphaned: false, quoteExact: "as", positionStart: 128, positionEnd: 130, version: item.version + 1 });
    expect(await whereNow(item.id, w.doc.id)).toMatchObject({ orphaned: false, start: 128, end: 130, exact: "as" });
  });

  it("attaches to the reader's selection, exactly where it is", async () => {
    const w = await setup();
    const item = await orphan(w, "great and sudden change");
    const selection = { method: "selection", exact: "human mind", prefix: "painful to the ", suffix: " as a", start: 29, end: 39 };
    const { annotation } = await reattachAnnotation({ actorId: w.author.id, annotationId: item.id, input: selection });
    expect(annotation).toMatchObject({ orphaned: false, quoteExact: "human mind", positionStart: 29, positionEnd: 39, status: "approved" });
    expect(await whereNow(item.id, w.doc.id)).toMatchObject({ exact: "human mind" });
  });

  it("never settles for words that merely look alike, nor guesses among repeated ones", async () => {
    const w = await setup();
    const misspelt = await orphan(w, "great and sudden change", { exact: "great and sudden chnage" });
    expect(await failure(reattachAnnotation({ actorId: w.author.id, annotationId: misspelt.id, input: { method: "quote" } }))).toEqual({ status: 422, code: "quote_not_found" });
    const repeated = await orphan(w, "great and sudden change", { exact: "a", prefix: "", suffix: "" });
    expect(await failure(reattachAnnotation({ actorId: w.author.id, annotationId: repeated.id, input: { method: "quote" } }))).toEqual({ status: 422, code: "quote_ambiguous" });
    const wrongPlace = { method: "selection", exact: "human heart", start: 29, end: 40 };
    expect(await failure(reattachAnnotation({ actorId: w.author.id, annotationId: misspelt.id, input: wrongPlace }))).toEqual({ status: 422, code: "quote_not_found" });
    expect((await db().annotation.findUniqueOrThrow({ where: { id: misspelt.id } })).orphaned).toBe(true);
  });

  it("is for orphans on the text only: 409 for an annotation still on its words, 422 for a reply", async () => {
    const w = await setup();
    const item = await orphan(w, "human mind");
    await db().annotation.update({ where: { id: item.id }, data: { orphaned: false, positionStart: 29, positionEnd: 39 } });
    expect(await failure(reattachAnnotation({ actorId: w.author.id, annotationId: item.id, input: { method: "quote" } }))).toEqual({ status: 409, code: "not_orphaned" });
    const { annotation: reply } = await createAnnotation({
      actorId: w.other.id,
      documentId: w.doc.id,
      input: { type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: "Yes" }, target: `https://example.test/api/annotations/${w.doc.id}/${item.id}` },
    });
    expect(await failure(reattachAnnotation({ actorId: w.author.id, annotationId: reply.id, input: { method: "quote" } }))).toEqual({ status: 422, code: "not_anchored" });
  });

  it("belongs to its author and the moderators; another member gets 403, an outsider 404", async () => {
    const w = await setup();
    const item = await orphan(w, "human mind");
    expect(await failure(reattachAnnotation({ actorId: w.other.id, annotationId: item.id, input: { method: "quote" } }))).toEqual({ status: 403, code: "forbidden" });
    const { owner: outsider } = await createGroup();
    expect(await failure(reattachAnnotation({ actorId: outsider.id, annotationId: item.id, input: { method: "quote" } }))).toEqual({ status: 404, code: "not_found" });
    const { annotation } = await reattachAnnotation({ actorId: w.moderator.id, annotationId: item.id, input: { method: "quote" } });
    expect(annotation.orphaned).toBe(false);
  });

  it("in a pre-moderated group, a member's note moved to other words waits for a moderator again", async () => {
    const w = await setup("pre");
    const item = await orphan(w, "human mind");
    await db().annotation.update({ where: { id: item.id }, data: { status: "approved" } });
    const moved = await reattachAnnotation({ actorId: w.author.id, annotationId: item.id, input: { method: "selection", exact: "sudden change", start: 55, end: 68 } });
    expect(moved.annotation).toMatchObject({ status: "pending", quoteExact: "sudden change" });
  });
});

describe("POST /api/v1/annotations/{id}/reattach", () => {
  it("answers the re-attached annotation, and says clearly what is wrong with a bad body", async () => {
    const w = await setup();
    const item = await orphan(w, "human mind");
    const token = await tokenFor(w.author.id);
    const bad = await call(POST, { method: "POST", params: { annotationId: item.id }, token, json: { method: "guess" } });
    expect(bad.status).toBe(400);
    expect(bad.data.error.message).toMatch(/method must be "quote" or "selection"/);
    const missing = await call(POST, { method: "POST", params: { annotationId: item.id }, token, json: { method: "selection", exact: "human mind" } });
    expect(missing.status).toBe(400);
    expect(missing.data.error.message).toMatch(/start/);
    const done = await call(POST, { method: "POST", params: { annotationId: item.id }, token, json: { method: "quote" } });
    expect(done.status).toBe(200);
    expect(done.data).toMatchObject({ orphaned: false });
    expect(done.data.target.selector).toEqual(expect.arrayContaining([expect.objectContaining({ type: "TextQuoteSelector", exact: "human mind" })]));
  });
});
