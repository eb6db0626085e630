import * as Y from "yjs";
import { db } from "../db";
import { liveDocument } from "./live-documents";

/**
 * Runs `fn` on the document's current Yjs state: the live copy when this process is serving
 * it (it may hold edits newer than storage), else the snapshot plus the logged updates. An
 * async `fn` keeps the copy until it settles; the live copy may change while it awaits.
 */
export async function withDocumentState<T>(documentId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const live = liveDocument(documentId);
  if (live) return fn(live.doc);
  const document = await db().document.findUnique({ where: { id: documentId }, select: { yState: true } });
  const ydoc = new Y.Doc({ gc: false });
  try {
    if (document) Y.applyUpdate(ydoc, new Uint8Array(document.yState));
    const log = await db().documentUpdate.findMany({ where: { documentId }, orderBy: { id: "asc" }, select: { update: true } });
    ydoc.transact(() => {
      for (const row of log) Y.applyUpdate(ydoc, new Uint8Array(row.update));
    });
    return await fn(ydoc);
  } finally {
    ydoc.destroy();
  }
}
