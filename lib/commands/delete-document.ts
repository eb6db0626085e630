import "server-only";
import { closeLiveDocuments } from "../annotations/live-documents";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { authorize } from "../policies";
import { loadDocumentForActor } from "../queries/documents";

/**
 * Deletes a document (owners) with everything on it: its update log, annotations, replies,
 * flags, reactions and follows go with it through the schema's cascades. Anyone who has it
 * open in the collaboration server is disconnected with "document deleted". The group's
 * moderation log keeps who deleted it and its title.
 */
export default async function deleteDocument(opts: { actorId: string; documentId: string }) {
  const { document, membership } = await loadDocumentForActor(opts.documentId, opts.actorId);
  authorize(membership, "document.delete");
  await db().$transaction(async (tx) => {
    // deleteMany, not delete: a concurrent second delete is a plain 404, not a Prisma error.
    const { count } = await tx.document.deleteMany({ where: { id: document.id } });
    if (count === 0) throw new NotFoundError("Document");
    await tx.moderationLogEntry.create({ data: { groupId: document.groupId, actorId: opts.actorId, action: "delete_document", from: document.title } });
  });
  closeLiveDocuments([document.id]);
  return { documentId: document.id, groupId: document.groupId };
}
