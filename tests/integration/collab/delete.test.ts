import { describe, expect, it } from "vitest";
import deleteDocument from "@/lib/commands/delete-document";
import deleteGroup from "@/lib/commands/delete-group";
import { CLOSE } from "@/lib/collab/messages";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { connect, useCollabServer, synced, textOf, typeInto, until, type Client } from "./harness";

const collab = useCollabServer();
const clients = collab.clients;

const closedAsDeleted = (c: Client) => c.closes.some((e) => e.code === CLOSE.documentDeleted.code && e.reason === CLOSE.documentDeleted.reason);

/** The server still serves: a fresh document syncs and takes an edit. */
async function stillServes() {
  const { group, owner } = await createGroup();
  const other = await createDocumentIn(group.id, owner.id, "Still here.");
  const client = connect(collab.server.url, other.id, { token: await tokenFor(owner.id) });
  clients.push(client);
  await synced(client);
  expect(textOf(client.doc)).toBe("Still here.");
}

describe("deleting a document that is open in the collaboration server", () => {
  it("closes every connection with 'This document was deleted', stores nothing more and keeps the server up", async () => {
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "Words to lose.");
    const typing = connect(collab.server.url, document.id, { token: await tokenFor(editor.id) });
    const reading = connect(collab.server.url, document.id, { token: await tokenFor(owner.id) });
    clients.push(typing, reading);
    await Promise.all([synced(typing), synced(reading)]);

    await deleteDocument({ actorId: owner.id, documentId: document.id });
    await until(() => closedAsDeleted(typing) && closedAsDeleted(reading), "both connections closed as deleted");
    typeInto(typing.doc, "Too late: ");
    // Reconnecting finds nothing: the document is gone for good, and nothing recreated it.
    await until(() => typing.authFailure === "not-found", "reconnect refused");
    expect(await db().document.count({ where: { id: document.id } })).toBe(0);
    expect(await db().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    await until(() => !collab.server.collab.hocuspocus.documents.has(document.id), "document unloaded");
    expect(collab.server.errors).toEqual([]);
    await stillServes();
  });

  it("an edit that reaches storage after the row is gone closes quietly instead of logging a storage failure", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Words to lose.");
    const typing = connect(collab.server.url, document.id, { token: await tokenFor(owner.id) });
    clients.push(typing);
    await synced(typing);
    // The row goes without the command's close (another instance deleted it): the next append hits a missing Document.
    await db().document.delete({ where: { id: document.id } });
    typeInto(typing.doc, "Too late: ");
    await until(() => closedAsDeleted(typing), "closed as deleted");
    expect(await db().documentUpdate.count({ where: { documentId: document.id } })).toBe(0);
    expect(collab.server.errors).toEqual([]);
    await stillServes();
  });

  it("deleting a group closes its open documents", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id, "Group text.");
    const reader = connect(collab.server.url, document.id, { token: await tokenFor(owner.id) });
    clients.push(reader);
    await synced(reader);
    await deleteGroup({ actorId: owner.id, groupId: group.id });
    await until(() => closedAsDeleted(reader), "closed as deleted");
    expect(collab.server.errors).toEqual([]);
  });
});
