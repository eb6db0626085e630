import "server-only";
import * as Y from "yjs";
import { NotFoundError } from "../errors";
import { yDocToJSON } from "../editor/ydoc";
import { authorize, type MembershipLike } from "../policies";
import { loggedUpdates } from "./system/document-state";

/**
 * The document's current content as ProseMirror JSON, for a reader who may read it: the
 * compacted snapshot plus every logged update after it, so a freshly loaded page never shows
 * text older than what collaborators already saved. Takes what loadDocumentForActor returned
 * (the document and the reader's membership in its group) and refuses a membership of another group.
 */
export async function currentDocumentJSON(loaded: { document: { id: string; groupId: string; yState: Uint8Array }; membership: (MembershipLike & { groupId: string }) | null }) {
  const { document, membership } = loaded;
  if (membership && membership.groupId !== document.groupId) throw new NotFoundError("Document");
  authorize(membership, "document.read", "Document");
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, new Uint8Array(document.yState));
  for (const update of await loggedUpdates(document.id)) Y.applyUpdate(ydoc, update);
  const json = yDocToJSON(ydoc);
  ydoc.destroy();
  return json;
}
