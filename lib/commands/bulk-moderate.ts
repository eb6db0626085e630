import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { isAnnotationVisibleTo } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { groupViewer } from "../queries/moderation";
import { bulkModerationInput } from "../validation/moderation";
import { parseInput } from "../validation/parse";
import { announceDecisions, applyModeration } from "./moderate-annotation";

/**
 * One decision for many items of a group at once (the queue's selection). All of them change
 * with their log rows in one transaction, or none: an id that is not a visible item of this
 * group makes the whole request 404.
 */
export default async function bulkModerate(opts: { actorId: string; groupId: string; input: unknown }) {
  const input = parseInput(bulkModerationInput, opts.input);
  const viewer = await groupViewer(opts.groupId, opts.actorId, "annotation.moderate");
  const ids = [...new Set(input.ids)];
  const items = await db().annotation.findMany({ where: { id: { in: ids }, groupId: opts.groupId }, include: annotationInclude });
  const visible = items.filter((item) => isAnnotationVisibleTo(viewer, item));
  if (visible.length !== ids.length) throw new NotFoundError("Annotation");
  const at = new Date();
  const { changed, rows } = await db().$transaction(async (tx) => {
    const changed = [];
    for (const item of visible) {
      if (await applyModeration(tx, { actorId: opts.actorId, item, status: input.status, note: input.note, at })) changed.push(item);
    }
    const rows = await tx.annotation.findMany({ where: { id: { in: ids } }, include: annotationInclude });
    return { changed, rows };
  });
  if (changed.length) await announceDecisions(changed, input.status);
  const order = new Map(ids.map((id, i) => [id, i]));
  return { annotations: rows.sort((a, b) => order.get(a.id)! - order.get(b.id)!), changed: changed.map((c) => c.id), viewer };
}
