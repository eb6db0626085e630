import "server-only";
import { db } from "../../db";

/**
 * System reads (no reader: see lib/queries/system/annotations.ts) of a document's stored Yjs
 * state, for the server's own work on it: the text projection, anchoring, the collaboration server.
 */

/** The updates logged after a document's compacted snapshot, oldest first. */
export async function loggedUpdates(documentId: string): Promise<Uint8Array[]> {
  const log = await db().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { update: true } });
  return log.map((row) => new Uint8Array(row.update));
}

/** A document's stored state: its snapshot (null when the document is gone) and the updates logged after it. */
export async function storedDocumentState(documentId: string): Promise<{ snapshot: Uint8Array | null; updates: Uint8Array[] }> {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { yState: true } });
  return { snapshot: document ? new Uint8Array(document.yState) : null, updates: await loggedUpdates(documentId) };
}
