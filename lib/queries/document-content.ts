import * as Y from "yjs";
import { db } from "../db";
import { yDocToJSON } from "../editor/ydoc";

/**
 * The document's current content as ProseMirror JSON: the compacted snapshot plus every
 * logged update after it, so a freshly loaded page never shows text older than what
 * collaborators already saved.
 */
export async function currentDocumentJSON(documentId: string, snapshot: Uint8Array) {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, snapshot);
  const log = await db().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { update: true } });
  for (const row of log) Y.applyUpdate(ydoc, new Uint8Array(row.update));
  const json = yDocToJSON(ydoc);
  ydoc.destroy();
  return json;
}
