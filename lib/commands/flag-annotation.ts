import "server-only";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { ConflictError } from "../errors";
import { authorize } from "../policies";
import { loadAnnotationForViewer } from "../queries/moderation";
import { flagInput } from "../validation/moderation";
import { parseInput } from "../validation/parse";
import notifyModerators from "./notify-moderators";

/**
 * Flags an annotation for the group's moderators: anyone who can see it may, once. The flag
 * and the moderators' inbox entries are written together; nobody is ever told who flagged.
 */
export default async function flagAnnotation(opts: { actorId: string; annotationId: string; input: unknown }) {
  const input = parseInput(flagInput, opts.input);
  const { annotation, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  authorize(viewer, "annotation.flag", annotation);
  let flag;
  try {
    flag = await db().$transaction(async (tx) => {
      const flag = await tx.flag.create({ data: { annotationId: annotation.id, userId: opts.actorId, reason: input.reason, text: input.text ?? "" } });
      await notifyModerators({ kind: "flag", item: annotation, causedBy: opts.actorId, tx });
      return flag;
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("You have already flagged this annotation", "already_flagged");
    throw error;
  }
  // After the commit, so listeners (the queue stream, moderators' open pages) read the new flag.
  publishAnnotationEvents([{ type: "annotation.flagged", documentId: annotation.documentId, annotationId: annotation.id }]);
  return flag;
}
