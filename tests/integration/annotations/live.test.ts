import { afterAll, beforeAll, describe, expect, it } from "vitest";
import * as Y from "yjs";
import createAnnotation from "@/lib/commands/create-annotation";
import deleteAnnotation from "@/lib/commands/delete-annotation";
import updateAnnotation from "@/lib/commands/update-annotation";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { connect, startCollab, synced, until, type Client } from "../collab/harness";

let server: Awaited<ReturnType<typeof startCollab>>;
const clients: Client[] = [];

type Message = { type: string; annotation: { id: string; orphaned?: boolean; target?: unknown; body?: unknown } };

/** A real provider client that records the annotation messages it receives. */
function open(url: string, documentId: string, token: string) {
  const client = connect(url, documentId, { token });
  const messages: Message[] = [];
  client.provider.on("stateless", ({ payload }: { payload: string }) => {
    const message = JSON.parse(payload);
    if (String(message.type).startsWith("annotation.")) messages.push(message);
  });
  clients.push(client);
  return { client, messages };
}

const target = (documentId: string, exact: string, extra: object = {}) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: `On ${exact}`, format: "text/markdown", purpose: "commenting" },
  target: { source: `http://localhost/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
  ...extra,
});

/** The first paragraph's Y.XmlText, where the tests type and delete as an editor would. */
const firstText = (doc: Y.Doc) => ((doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText);

beforeAll(async () => {
  server = await startCollab({ reanchorDelayMs: 50 });
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.stop();
});

describe("annotations on a live document", () => {
  it("reach each open page that may see them, and no other", async () => {
    const { group, owner } = await createGroup();
    const member = await createMember(group.id, "member");
    const viewer = await createMember(group.id, "viewer");
    const moderator = await createMember(group.id, "moderator");
    const doc = await createDocumentIn(group.id, owner.id, "The quick brown fox jumps over the lazy dog.\n\nSecond paragraph.");
    const pages = {
      owner: open(server.url, doc.id, await tokenFor(owner.id)),
      member: open(server.url, doc.id, await tokenFor(member.id)),
      viewer: open(server.url, doc.id, await tokenFor(viewer.id)),
      moderator: open(server.url, doc.id, await tokenFor(moderator.id)),
    };
    await Promise.all(Object.values(pages).map((p) => synced(p.client)));

    const shared = await createAnnotation({ actorId: member.id, documentId: doc.id, input: target(doc.id, "brown fox") });
    await until(() => Object.values(pages).every((p) => p.messages.some((m) => m.annotation.id.endsWith(shared.annotation.id))), "group annotation everywhere");
    expect(pages.viewer.messages.find((m) => m.annotation.id.endsWith(shared.annotation.id))?.type).toBe("annotation.created");

    const secret = await createAnnotation({ actorId: member.id, documentId: doc.id, input: target(doc.id, "lazy dog", { visibility: "private" }) });
    await until(() => pages.member.messages.some((m) => m.annotation.id.endsWith(secret.annotation.id)), "private note to its author");

    await db().group.update({ where: { id: group.id }, data: { moderation: "pre" } });
    const held = await createAnnotation({ actorId: member.id, documentId: doc.id, input: target(doc.id, "Second") });
    expect(held.annotation.status).toBe("pending");
    await until(() => pages.moderator.messages.some((m) => m.annotation.id.endsWith(held.annotation.id)), "pending item to the moderator");
    await until(() => pages.member.messages.some((m) => m.annotation.id.endsWith(held.annotation.id)), "pending item to its author");

    // A marker event after the others: once everyone has it, the earlier ones were delivered or never will be.
    await db().group.update({ where: { id: group.id }, data: { moderation: "post" } });
    const marker = await createAnnotation({ actorId: owner.id, documentId: doc.id, input: target(doc.id, "jumps") });
    await until(() => Object.values(pages).every((p) => p.messages.some((m) => m.annotation.id.endsWith(marker.annotation.id))), "marker everywhere");
    const saw = (page: keyof typeof pages, id: string) => pages[page].messages.some((m) => m.annotation.id.endsWith(id));
    expect([saw("owner", secret.annotation.id), saw("viewer", secret.annotation.id), saw("moderator", secret.annotation.id)]).toEqual([false, false, false]);
    expect([saw("owner", held.annotation.id), saw("viewer", held.annotation.id)]).toEqual([true, false]);

    // Made private after being seen: those who saw it are told to drop it, by id only.
    await updateAnnotation({ actorId: member.id, documentId: doc.id, annotationId: shared.annotation.id, input: target(doc.id, "brown fox", { visibility: "private" }) });
    await until(() => pages.viewer.messages.some((m) => m.type === "annotation.deleted" && m.annotation.id.endsWith(shared.annotation.id)), "drop notice");
    const drop = pages.viewer.messages.find((m) => m.type === "annotation.deleted")!;
    expect(Object.keys(drop.annotation)).toEqual(["id"]);
    await until(() => pages.member.messages.some((m) => m.type === "annotation.updated" && m.annotation.id.endsWith(shared.annotation.id)), "update to the author");

    await deleteAnnotation({ actorId: owner.id, documentId: doc.id, annotationId: marker.annotation.id });
    await until(() => pages.viewer.messages.some((m) => m.type === "annotation.deleted" && m.annotation.id.endsWith(marker.annotation.id)), "deletion");
    expect(server.errors).toEqual([]);
  });

  it("keeps stored selectors on the words as the text is edited, and orphans deleted words", async () => {
    const { group, owner } = await createGroup();
    const member = await createMember(group.id, "member");
    const doc = await createDocumentIn(group.id, owner.id, "The quick brown fox jumps.\n\nSecond paragraph.");
    const editor = open(server.url, doc.id, await tokenFor(owner.id));
    const reader = open(server.url, doc.id, await tokenFor(member.id));
    await Promise.all([synced(editor.client), synced(reader.client)]);
    const { annotation } = await createAnnotation({ actorId: member.id, documentId: doc.id, input: target(doc.id, "brown fox") });
    const stored = () => db().annotation.findUniqueOrThrow({ where: { id: annotation.id } });
    expect(await stored()).toMatchObject({ positionStart: 10, positionEnd: 19, quoteExact: "brown fox", quotePrefix: "The quick ", orphaned: false });

    firstText(editor.client.doc).insert(0, "Oh! ");
    await until(() => (reader.client.doc.getXmlFragment("default").toString().includes("Oh!")), "edit relayed");
    await waitForRow(stored, (row) => row.positionStart === 14, "positions shifted");
    expect(await stored()).toMatchObject({ positionStart: 14, positionEnd: 23, quoteExact: "brown fox", quotePrefix: "Oh! The quick ", orphaned: false });

    // Typed inside grows the quote; a page hears about it since the words changed.
    firstText(editor.client.doc).insert(19, "-red");
    await waitForRow(stored, (row) => row.quoteExact === "brown-red fox", "grown quote");
    await until(() => reader.messages.some((m) => m.type === "annotation.updated" && m.annotation.id.endsWith(annotation.id)), "re-anchor notice");

    firstText(editor.client.doc).delete(14, 13);
    await waitForRow(stored, (row) => row.orphaned, "orphaned");
    expect(await stored()).toMatchObject({ orphaned: true, positionStart: null, positionEnd: null, quoteExact: "brown-red fox" });
    await until(() => reader.messages.some((m) => m.type === "annotation.updated" && m.annotation.orphaned === true), "orphan notice");
    expect(server.errors).toEqual([]);
  });
});

async function waitForRow<T>(read: () => Promise<T>, ok: (row: T) => boolean, what: string, ms = 5000) {
  const deadline = Date.now() + ms;
  for (;;) {
    if (ok(await read())) return;
    if (Date.now() > deadline) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}
