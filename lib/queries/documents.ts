import { db } from "../db";
import { NotFoundError } from "../errors";
import { authorize } from "../policies";
import { findMembership } from "./memberships";

/** A document with the actor's membership in its group; NotFound unless the actor may read it. */
export async function loadDocumentForActor(documentId: string, actorId: string | null | undefined) {
  const document = await db().document.findUnique({
    where: { id: documentId },
    include: { group: true },
  });
  if (!document) throw new NotFoundError("Document");
  const membership = await findMembership(document.groupId, actorId);
  authorize(membership, "document.read", "Document");
  return { document, membership: membership! };
}

/** A group's documents, most recently changed first, without their (large) state. */
export function listDocuments(groupId: string) {
  return db().document.findMany({
    where: { groupId },
    orderBy: { updatedAt: "desc" },
    select: {
      id: true, title: true, createdAt: true, updatedAt: true, sourceFormat: true,
      createdBy: { select: { id: true, name: true } },
      // Only what every member may see counts; private and unapproved items stay invisible.
      _count: { select: { annotations: { where: { status: "approved", visibility: "group", deletedAt: null } } } },
    },
  });
}
