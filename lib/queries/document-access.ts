import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { can } from "../policies";
import type { Viewer } from "../policies/annotations";
import { findMembership } from "./memberships";

/**
 * A document with its group's moderation mode and the actor as a policy Viewer. Outsiders and
 * missing documents get the same 404.
 */
export async function loadDocumentForViewer(documentId: string, actorId: string | null, tx: Tx = db()) {
  const document = await tx.document.findUnique({
    where: { id: documentId },
    select: { id: true, groupId: true, title: true, group: { select: { moderation: true, name: true } } },
  });
  if (!document) throw new NotFoundError("Document");
  const membership = await findMembership(document.groupId, actorId, tx);
  if (!can(membership, "document.read")) throw new NotFoundError("Document");
  const viewer: Viewer = { userId: actorId, membership };
  return { document, viewer };
}
