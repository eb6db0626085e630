import { describe, expect, it } from "vitest";
import createAnnotation from "@/lib/commands/create-annotation";
import deleteAnnotation from "@/lib/commands/delete-annotation";
import updateAnnotation from "@/lib/commands/update-annotation";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser } from "../../factories";

const note = (documentId: string, selector: object | object[], extra: object = {}) => ({
  type: "Annotation",
  body: [
    { type: "TextualBody", value: "A *note*", format: "text/markdown", purpose: "commenting" },
    { type: "TextualBody", value: "theme", purpose: "tagging" },
  ],
  target: { source: `https://example.test/documents/${documentId}`, selector },
  ...extra,
});
const quote = (exact: string, more: object = {}) => ({ type: "TextQuoteSelector", exact, ...more });
const reply = (parentIri: string, text = "I agree") => ({ type: "Annotation", motivation: "replying", body: { type: "TextualBody", value: text }, target: parentIri });

async function setup(content: string, moderation: "post" | "pre" = "post") {
  const { group, owner } = await createGroup({ moderation });
  const member = await createMember(group.id, "member");
  const doc = await createDocumentIn(group.id, owner.id, content);
  return { group, owner, member, doc };
}

const failure = (promise: Promise<unknown>) => promise.then(() => null, (e: { status?: number; code?: string }) => ({ status: e.status, code: e.code }));

describe("creating annotations", () => {
  it("anchors by position, then quote with context, then a close match; refuses absent or ambiguous quotes", async () => {
    const { member, doc } = await setup("The cat sat on the mat.\n\nThe cat ran off the mat.");
    const create = (selector: object | object[]) => createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, selector) });
    const byPosition = await create([quote("cat"), { type: "TextPositionSelector", start: 29, end: 32 }]);
    expect(byPosition.annotation).toMatchObject({ positionStart: 29, positionEnd: 32, quoteExact: "cat", quotePrefix: "The cat sat on the mat.\n\nThe ", tags: ["theme"], body: "A *note*" });
    const byContext = await create(quote("mat", { prefix: "ran off the " }));
    expect(byContext.annotation.positionStart).toBe(45);
    const approximate = await create(quote("The cat sat on teh mat"));
    expect(approximate.annotation.quoteExact).toBe("The cat sat on the mat");
    expect(await failure(create(quote("cat")))).toEqual({ status: 422, code: "quote_ambiguous" });
    expect(await failure(create(quote("a dog barked loudly")))).toEqual({ status: 422, code: "quote_not_found" });
    expect(await failure(create({ type: "FragmentSelector", value: "x" }))).toEqual({ status: 422, code: "selector_required" });
  });

  it("keeps all of Unicode and counts positions in code points", async () => {
    const { member, doc } = await setup("Zwei 😀 Welten: café ́ and שלום עולם here.");
    const text = "שלום עולם";
    const { annotation } = await createAnnotation({ actorId: member.id, documentId: doc.id, input: { ...note(doc.id, quote(text)), body: { type: "TextualBody", value: "נכון 👍🏽 e\u0301" } } });
    expect(annotation).toMatchObject({ quoteExact: text, positionStart: [..."Zwei 😀 Welten: café ́ and "].length, body: "נכון 👍🏽 e\u0301" });
    expect(annotation.positionEnd! - annotation.positionStart!).toBe([...text].length);
  });

  it("checks who may post: outsiders 404, viewers and muted members 403", async () => {
    const { group, doc } = await setup("Some words to annotate.");
    const viewer = await createMember(group.id, "viewer");
    const muted = await createMember(group.id, "member", { muted: true });
    const outsider = await createUser();
    const as = (actorId: string) => failure(createAnnotation({ actorId, documentId: doc.id, input: note(doc.id, quote("words")) }));
    expect(await as(outsider.id)).toEqual({ status: 404, code: "not_found" });
    expect(await as(viewer.id)).toEqual({ status: 403, code: "forbidden" });
    expect(await as(muted.id)).toEqual({ status: 403, code: "forbidden" });
  });

  it("holds posts in pre-moderated groups, but not a moderator's", async () => {
    const { group, member, doc } = await setup("Some words to annotate.", "pre");
    const moderator = await createMember(group.id, "moderator");
    const held = await createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, quote("words")) });
    const direct = await createAnnotation({ actorId: moderator.id, documentId: doc.id, input: note(doc.id, quote("annotate")) });
    expect([held.annotation.status, direct.annotation.status]).toEqual(["pending", "approved"]);
  });
});

describe("threads", () => {
  it("replies join the thread, inherit privacy, and stop at a lock except for moderators", async () => {
    const { group, member, doc } = await setup("Some words to annotate.");
    const other = await createMember(group.id, "member");
    const moderator = await createMember(group.id, "moderator");
    const root = await createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, quote("words")) });
    const iri = `https://example.test/api/annotations/${doc.id}/${root.annotation.id}`;
    const first = await createAnnotation({ actorId: other.id, documentId: doc.id, input: reply(iri) });
    expect(first.annotation).toMatchObject({ parentId: root.annotation.id, threadId: root.annotation.id, motivation: "replying" });
    const nested = await createAnnotation({ actorId: member.id, documentId: doc.id, input: reply(`https://example.test/api/annotations/${doc.id}/${first.annotation.id}`) });
    expect(nested.annotation).toMatchObject({ parentId: first.annotation.id, threadId: root.annotation.id });

    const secret = await createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, quote("annotate"), { visibility: "private" }) });
    const toSelf = await createAnnotation({ actorId: member.id, documentId: doc.id, input: { ...reply(`x/${secret.annotation.id}`), visibility: "group" } });
    expect(toSelf.annotation.visibility).toBe("private");
    expect(await failure(createAnnotation({ actorId: other.id, documentId: doc.id, input: reply(`x/${secret.annotation.id}`) }))).toEqual({ status: 422, code: "reply_target_not_found" });

    await db().annotation.update({ where: { id: root.annotation.id }, data: { locked: true } });
    expect(await failure(createAnnotation({ actorId: other.id, documentId: doc.id, input: reply(iri) }))).toEqual({ status: 403, code: "forbidden" });
    const fromModerator = await createAnnotation({ actorId: moderator.id, documentId: doc.id, input: reply(iri, "Closing this thread.") });
    expect(fromModerator.annotation.threadId).toBe(root.annotation.id);
  });

  it("deleting a thread's annotation deletes its replies; only the author may delete", async () => {
    const { group, member, doc } = await setup("Some words to annotate.");
    const other = await createMember(group.id, "member");
    const root = await createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, quote("words")) });
    const answer = await createAnnotation({ actorId: other.id, documentId: doc.id, input: reply(`x/${root.annotation.id}`) });
    expect(await failure(deleteAnnotation({ actorId: other.id, documentId: doc.id, annotationId: root.annotation.id }))).toEqual({ status: 403, code: "forbidden" });
    await deleteAnnotation({ actorId: member.id, documentId: doc.id, annotationId: root.annotation.id });
    const rows = await db().annotation.findMany({ where: { id: { in: [root.annotation.id, answer.annotation.id] } } });
    expect(rows.every((r) => r.deletedAt !== null)).toBe(true);
    expect(await failure(deleteAnnotation({ actorId: member.id, documentId: doc.id, annotationId: root.annotation.id }))).toEqual({ status: 404, code: "not_found" });
  });
});

describe("editing annotations", () => {
  it("replaces note, tags and visibility, re-anchors a changed quote, and sends an approved post in a pre group back to pending", async () => {
    const { group, member, doc } = await setup("Some words to annotate here.");
    const other = await createMember(group.id, "member");
    const { annotation } = await createAnnotation({ actorId: member.id, documentId: doc.id, input: note(doc.id, quote("words")) });
    expect(await failure(updateAnnotation({ actorId: other.id, documentId: doc.id, annotationId: annotation.id, input: note(doc.id, quote("words")) }))).toEqual({ status: 403, code: "forbidden" });

    const edited = await updateAnnotation({
      actorId: member.id,
      documentId: doc.id,
      annotationId: annotation.id,
      input: { type: "Annotation", body: { type: "TextualBody", value: "Changed" }, target: { source: `x/documents/${doc.id}`, selector: quote("annotate") } },
    });
    expect(edited.annotation).toMatchObject({ body: "Changed", tags: [], quoteExact: "annotate", positionStart: 14, version: annotation.version + 1, status: "approved" });

    expect(await failure(updateAnnotation({ actorId: member.id, documentId: doc.id, annotationId: annotation.id, input: note(doc.id, quote("words")), expectedVersion: annotation.version }))).toEqual({ status: 412, code: "precondition_failed" });

    await db().group.update({ where: { id: group.id }, data: { moderation: "pre" } });
    const again = await updateAnnotation({ actorId: member.id, documentId: doc.id, annotationId: annotation.id, input: note(doc.id, quote("annotate")) });
    expect(again.annotation.status).toBe("pending");
  });
});
