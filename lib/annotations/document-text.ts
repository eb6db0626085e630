import * as Y from "yjs";
import { storedDocumentState } from "../queries/system/document-state";
import { liveDocument } from "./live-documents";

/**
 * Runs `fn` on the document's current Yjs state: the live copy when this process is serving
 * it (it may hold edits newer than storage), else the snapshot plus the logged updates. An
 * async `fn` keeps the copy until it settles; the live copy may change while it awaits.
 */
export async function withDocumentState<T>(documentId: string, fn: (doc: Y.Doc) => T | Promise<T>): Promise<T> {
  const live = liveDocument(documentId);
  if (live) return fn(live.doc);
  const { snapshot, updates } = await storedDocumentState(documentId);
  const ydoc = new Y.Doc({ gc: false });
  try {
    if (snapshot) Y.applyUpdate(ydoc, snapshot);
    ydoc.transact(() => {
      for (const update of updates) Y.applyUpdate(ydoc, update);
    });
    return await fn(ydoc);
  } finally {
    ydoc.destroy();
  }
}
