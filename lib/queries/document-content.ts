import * as Y from "yjs";
import { db } from "../db";
import { yDocToJSON } from "../editor/ydoc";

/** The updates logged after a document's compacted snapshot, oldest first. */
async function loggedUpdates(documentId: string): Promise<Uint8Array[]> {
  const log = await db().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { update: true } });
  return log.map((row) => new Uint8Array(row.update));
}

/** A document's stored state: its snapshot (null when the document is gone) and the updates logged after it. */
export async function storedDocumentState(documentId: string): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[] }> {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { yState: true } });
  return { snapshot: document ? new Uint8Array(document.yState) : null, updates: await loggedUpdates(documentId) };
}

/**
 * The document's current content as ProseMirror JSON: the compacted snapshot plus every
 * logged update after it, so a freshly loaded page never shows text older than what
 * collaborators already saved.
 */
export async function currentDocumentJSON(documentId: string, snapshot: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, snapshot);
  for (const update of await loggedUpdates(documentId)) Y.applyUpdate(ydoc, update);
  const json = yDocToJSON(ydoc);
  ydoc.destroy();
  return json;
}
