import { describe, expect, it } from "vitest";
import createAnnotation from "@/lib/commands/create-annotation";
import { db } from "@/lib/db";
import { presentAnnotation, ANONYMOUS_NAME } from "@/lib/presenters/annotation";
import { listVisibleAnnotations } from "@/lib/queries/annotations";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { connect, useCollabServer, synced, until } from "../collab/harness";

const collab = useCollabServer();
const clients = collab.clients;

const note = (documentId: string, exact: string) => ({
  type: "Annotation",
  body: { type: "TextualBody", value: `About ${exact}` },
  target: { source: `http://localhost/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact } },
});

/** What a user's reading page would list, through the same loader as every surface. */
async function listFor(documentId: string, userId: string) {
  const { viewer } = await loadDocumentForViewer(documentId, userId);
  return (await listVisibleAnnotations(documentId, viewer)).map((row) => presentAnnotation(row, "http://localhost", viewer));
}

describe("hide-and-reveal", () => {
  it("shows a member the group's annotations only after their own first one; moderators always", async () => {
    const { group, owner } = await createGroup();
    const [early, late] = [await createMember(group.id, "member"), await createMember(group.id, "member")];
    const moderator = await createMember(group.id, "moderator");
    const doc = await createDocumentIn(group.id, owner.id, "Alpha beta gamma delta epsilon.");
    await db().document.update({ where: { id: doc.id }, data: { hideUntilPosted: true } });
    await createAnnotation({ actorId: early.id, documentId: doc.id, input: note(doc.id, "beta") });

    expect((await listFor(doc.id, late.id)).length).toBe(0);
    expect((await listFor(doc.id, moderator.id)).length).toBe(1);
    const page = connect(collab.server.url, doc.id, { token: await tokenFor(late.id) });
    // A moderator's page on the same document: it gets every event in the same delivery pass,
    // so once it has one, the member's page has had its chance to get it too.
    const watcher = connect(collab.server.url, doc.id, { token: await tokenFor(moderator.id) });
    clients.push(page, watcher);
    const heard: string[] = [];
    const seen: string[] = [];
    page.provider.on("stateless", ({ payload }: { payload: string }) => heard.push(JSON.parse(payload).type));
    watcher.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload);
      if (message.annotation?.id) seen.push(message.annotation.id.split("/").at(-1));
    });
    await Promise.all([synced(page), synced(watcher)]);
    const hidden = await createAnnotation({ actorId: early.id, documentId: doc.id, input: note(doc.id, "gamma") });
    await until(() => seen.includes(hidden.annotation.id), "the moderator hears of the new note");
    expect(heard.filter((t) => t.startsWith("annotation."))).toEqual([]);

    const own = await createAnnotation({ actorId: late.id, documentId: doc.id, input: note(doc.id, "delta") });
    await until(() => seen.includes(own.annotation.id), "the moderator hears of the member's note");
    expect(heard.filter((t) => t.startsWith("annotation."))).toEqual(["annotation.created"]);
    expect((await listFor(doc.id, late.id)).map((a) => a.id.split("/").at(-1)).includes(own.annotation.id)).toBe(true);
    expect((await listFor(doc.id, late.id)).length).toBe(3);

    // Revealed: the next one by someone else arrives live.
    await createAnnotation({ actorId: early.id, documentId: doc.id, input: note(doc.id, "epsilon") });
    await until(() => heard.filter((t) => t === "annotation.created").length === 2, "revealed live");
  });
});

describe("anonymous to peers", () => {
  it("withholds names and ids from members, never from the author or moderators, in lists and live messages", async () => {
    const { group, owner } = await createGroup();
    await db().group.update({ where: { id: group.id }, data: { anonymousToPeers: true } });
    const [writer, peer] = [await createMember(group.id, "member"), await createMember(group.id, "member")];
    const moderator = await createMember(group.id, "moderator");
    const doc = await createDocumentIn(group.id, owner.id, "Alpha beta gamma.");
    const page = connect(collab.server.url, doc.id, { token: await tokenFor(peer.id) });
    clients.push(page);
    const live: { annotation: { creator: unknown } }[] = [];
    page.provider.on("stateless", ({ payload }: { payload: string }) => {
      const message = JSON.parse(payload);
      if (message.type === "annotation.created") live.push(message);
    });
    await synced(page);
    await createAnnotation({ actorId: writer.id, documentId: doc.id, input: note(doc.id, "beta") });
    await until(() => live.length === 1, "live annotation");

    const writerName = (await db().user.findUniqueOrThrow({ where: { id: writer.id } })).name;
    const [seenByPeer] = await listFor(doc.id, peer.id);
    for (const surface of [JSON.stringify(seenByPeer), JSON.stringify(live[0])]) {
      expect(surface.includes(writerName)).toBe(false);
      expect(surface.includes(writer.id)).toBe(false);
    }
    expect(seenByPeer.creator).toEqual({ type: "Person", name: ANONYMOUS_NAME });
    expect((await listFor(doc.id, writer.id))[0].creator).toMatchObject({ name: writerName });
    expect((await listFor(doc.id, moderator.id))[0].creator).toMatchObject({ name: writerName });
  });
});
