import "server-only";
import { closeLiveDocuments } from "../annotations/live-documents";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { loadGroupForActor } from "../queries/memberships";

/**
 * Deletes a group (owners) with its documents, annotations, memberships, invitations and
 * moderation history (schema cascades). Open documents of the group are disconnected.
 */
export default async function deleteGroup(opts: { actorId: string; groupId: string }) {
  const { group } = await loadGroupForActor(opts.groupId, opts.actorId, "group.delete");
  const documentIds = await db().$transaction(async (tx) => {
    const documents = await tx.document.findMany({ where: { groupId: group.id }, select: { id: true } });
    const { count } = await tx.group.deleteMany({ where: { id: group.id } });
    if (count === 0) throw new NotFoundError("Group");
    return documents.map((d) => d.id);
  });
  closeLiveDocuments(documentIds);
  return { groupId: group.id };
}
