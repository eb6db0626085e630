import "server-only";
import { db } from "../db";
import { loadDocumentForViewer } from "../queries/document-access";

/**
 * Follows or unfollows a document: followers hear of every new thread on it that they may see.
 * Anyone who can read the document may follow it; idempotent both ways.
 */
export default async function followDocument(opts: { actorId: string; documentId: string; follow: boolean }) {
  const { document } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  const key = { userId: opts.actorId, documentId: document.id };
  if (opts.follow) await db().documentFollow.upsert({ where: { userId_documentId: key }, create: key, update: {} });
  else await db().documentFollow.deleteMany({ where: key });
  return { following: opts.follow };
}

/** Whether the user follows the document. */
export async function isFollowing(userId: string, documentId: string) {
  return (await db().documentFollow.count({ where: { userId, documentId } })) > 0;
}
