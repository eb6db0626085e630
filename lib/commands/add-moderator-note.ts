import "server-only";
import { db } from "../db";
import { authorize } from "../policies";
import { loadAnnotationForViewer } from "../queries/moderation";
import { moderatorNoteInput } from "../validation/moderation";
import { parseInput } from "../validation/parse";

/**
 * A private note on an item for the group's moderators (never shown to its author or
 * members). The note and its log row are written together, so the history keeps it even
 * if the item is later deleted.
 */
export default async function addModeratorNote(opts: { actorId: string; annotationId: string; input: unknown }) {
  const input = parseInput(moderatorNoteInput, opts.input);
  const { annotation, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  authorize(viewer.membership, "moderation.note");
  const note = await db().$transaction(async (tx) => {
    const note = await tx.moderatorNote.create({
      data: { groupId: annotation.groupId, authorId: opts.actorId, annotationId: annotation.id, subjectUserId: annotation.authorId, body: input.body },
      include: { author: { select: { id: true, name: true } } },
    });
    await tx.moderationLogEntry.create({
      data: { groupId: annotation.groupId, actorId: opts.actorId, action: "note", annotationId: annotation.id, subjectUserId: annotation.authorId, note: input.body, createdAt: note.createdAt },
    });
    return note;
  });
  return { note, annotation, viewer };
}
