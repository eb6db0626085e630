import "server-only";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { NotFoundError, PreconditionFailedError } from "../errors";
import { authorize } from "../policies";
import { isAnnotationVisibleTo } from "../policies/annotations";
import { findAnnotation } from "../queries/system/annotations";
import { loadDocumentForViewer } from "../queries/document-access";

/**
 * Deletes the author's own annotation; deleting a thread's top-level annotation deletes its
 * replies with it. Rows are kept with deletedAt so the protocol can answer 410 Gone.
 */
export default async function deleteAnnotation(opts: { actorId: string; documentId: string; annotationId: string; expectedVersion?: number }) {
  const { document, viewer } = await loadDocumentForViewer(opts.documentId, opts.actorId);
  const current = await findAnnotation(document.id, opts.annotationId);
  if (!current || !isAnnotationVisibleTo(viewer, current)) throw new NotFoundError("Annotation");
  authorize(viewer, "annotation.delete", current);
  const now = new Date();
  const removed = await db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: current.id, deletedAt: null, ...(opts.expectedVersion === undefined ? {} : { version: opts.expectedVersion }) },
      data: { deletedAt: now, version: { increment: 1 } },
    });
    if (count === 0) throw new PreconditionFailedError();
    if (current.threadId !== null) return [];
    const replies = await tx.annotation.findMany({ where: { threadId: current.id, deletedAt: null }, select: { id: true, authorId: true, visibility: true, status: true } });
    await tx.annotation.updateMany({ where: { threadId: current.id, deletedAt: null }, data: { deletedAt: now, version: { increment: 1 } } });
    return replies;
  });
  publishAnnotationEvents([
    { type: "annotation.deleted", documentId: document.id, annotationId: current.id, before: current },
    ...removed.map((r) => ({ type: "annotation.deleted" as const, documentId: document.id, annotationId: r.id, before: { ...r, thread: current } })),
  ]);
  return { annotationId: current.id };
}
