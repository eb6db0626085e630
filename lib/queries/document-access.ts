import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { can } from "../policies";
import { isHiddenUntilPosted, seesPeersAnonymously, type Viewer } from "../policies/annotations";
import { findMembership } from "./memberships";

/**
 * A document with its group's moderation mode and the actor as a policy Viewer. Outsiders and
 * missing documents get the same 404.
 */
export async function loadDocumentForViewer(documentId: string, actorId: string | null, tx: Tx = db()) {
  const document = await tx.document.findUnique({
    where: { id: documentId },
    select: { id: true, groupId: true, title: true, hideUntilPosted: true, group: { select: { moderation: true, name: true, anonymousToPeers: true } } },
  });
  if (!document) throw new NotFoundError("Document");
  const membership = await findMembership(document.groupId, actorId, tx);
  if (!can(membership, "document.read")) throw new NotFoundError("Document");
  const viewer: Viewer = { userId: actorId, membership };
  viewer.anonymousPeers = seesPeersAnonymously(viewer, document.group);
  if (document.hideUntilPosted && actorId) viewer.hiddenUntilPosted = isHiddenUntilPosted(viewer, document, await hasPostedOn(document.id, actorId, tx));
  return { document, viewer };
}

/** Whether the user has a live top-level annotation on the document (hide-and-reveal). */
export async function hasPostedOn(documentId: string, userId: string, tx: Tx = db()) {
  return (await tx.annotation.count({ where: { documentId, authorId: userId, threadId: null, deletedAt: null } })) > 0;
}
