import "server-only";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { UnprocessableError } from "../errors";
import { authorize } from "../policies";
import { annotationInclude } from "../queries/annotations";
import { loadAnnotationForViewer } from "../queries/moderation";

/**
 * Marks a thread resolved or open again: its top-level author or a moderator. Asking for the
 * state it is already in changes nothing; a change bumps the version (the representation
 * changed) and live pages hear `annotation.updated`.
 */
export default async function resolveThread(opts: { actorId: string; annotationId: string; resolved: boolean }) {
  const { annotation: current, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  if (current.threadId !== null) throw new UnprocessableError("Only a thread can be resolved: resolve its top-level annotation", "not_a_thread");
  authorize(viewer, "annotation.resolve", current);
  if (current.resolved === opts.resolved) return { annotation: current, viewer, changed: false };
  const annotation = await db().$transaction(async (tx) => {
    await tx.annotation.updateMany({ where: { id: current.id, deletedAt: null }, data: { resolved: opts.resolved, version: { increment: 1 } } });
    return tx.annotation.findUniqueOrThrow({ where: { id: current.id }, include: annotationInclude });
  });
  publishAnnotationEvents([{ type: "annotation.updated", documentId: current.documentId, annotationId: current.id, before: current }]);
  return { annotation, viewer, changed: true };
}
