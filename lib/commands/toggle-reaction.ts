import "server-only";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { authorize } from "../policies";
import { reactionSummary } from "../presenters/annotation";
import { loadAnnotationForViewer } from "../queries/moderation";
import { parseInput } from "../validation/parse";
import { reactionKind } from "../validation/reactions";

/**
 * Adds (`on: true`) or takes back one reaction of the actor on an annotation or reply: at most
 * one of each kind per person, so repeating either is harmless. Needs the post right and sight
 * of the item (404 otherwise, like every read). Live pages hear `annotation.updated`.
 */
export default async function toggleReaction(opts: { actorId: string; annotationId: string; kind: unknown; on: boolean }) {
  const kind = parseInput(reactionKind, opts.kind);
  const { annotation: current, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  authorize(viewer, "annotation.react", current);
  const key = { annotationId: current.id, userId: opts.actorId, kind };
  const { count: changed } = opts.on ? await db().reaction.createMany({ data: [key], skipDuplicates: true }) : await db().reaction.deleteMany({ where: key });
  const reactions = await db().reaction.findMany({ where: { annotationId: current.id }, select: { kind: true, userId: true } });
  if (changed > 0) publishAnnotationEvents([{ type: "annotation.updated", documentId: current.documentId, annotationId: current.id, before: current }]);
  return { annotationId: current.id, ...reactionSummary(reactions, viewer) };
}
