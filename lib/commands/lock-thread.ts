import "server-only";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { authorize } from "../policies";
import { isAnnotationVisibleTo } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { findAnnotation } from "../queries/system/annotations";
import { loadAnnotationForViewer } from "../queries/moderation";
import { parseInput } from "../validation/parse";
import { moderationInput } from "../validation/moderation";

const noteOnly = moderationInput.pick({ note: true });

/**
 * Locks (no new replies) or unlocks a thread. Given a reply, it acts on the reply's thread.
 * The change and its log row are one transaction; asking for the state the thread is
 * already in changes and logs nothing.
 */
export default async function lockThread(opts: { actorId: string; annotationId: string; locked: boolean; input?: unknown }) {
  const { note } = parseInput(noteOnly, opts.input ?? {});
  const { annotation, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  authorize(viewer.membership, "thread.lock");
  const root = annotation.threadId ? await findAnnotation(annotation.documentId, annotation.threadId) : annotation;
  if (!root || !isAnnotationVisibleTo(viewer, root)) throw new NotFoundError("Annotation");
  if (root.locked === opts.locked) return { annotation: root, viewer, changed: false };
  const row = await db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: root.id, locked: !opts.locked, deletedAt: null },
      // Locking is not an edit: `modified` keeps saying when the author last changed their words.
      data: { locked: opts.locked, version: { increment: 1 }, updatedAt: root.updatedAt },
    });
    if (count === 0) throw new ConflictError("Someone changed this thread meanwhile; reload and try again", "moderation_conflict");
    await tx.moderationLogEntry.create({
      data: {
        groupId: root.groupId,
        actorId: opts.actorId,
        action: opts.locked ? "lock" : "unlock",
        annotationId: root.id,
        subjectUserId: root.authorId,
        from: opts.locked ? "unlocked" : "locked",
        to: opts.locked ? "locked" : "unlocked",
        note: note || null,
      },
    });
    return tx.annotation.findUniqueOrThrow({ where: { id: root.id }, include: annotationInclude });
  });
  publishAnnotationEvents([{ type: "annotation.updated", documentId: root.documentId, annotationId: root.id, before: root }]);
  return { annotation: row, viewer, changed: true };
}
