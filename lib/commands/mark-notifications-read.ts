import "server-only";
import { db } from "../db";
import { markReadInput } from "../validation/moderation";
import { parseInput } from "../validation/parse";

/** Marks the actor's own inbox entries read: the ones listed, or all. Others' ids are ignored. */
export default async function markNotificationsRead(opts: { actorId: string; input: unknown }) {
  const input = parseInput(markReadInput, opts.input);
  const { count } = await db().notification.updateMany({
    where: { userId: opts.actorId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) },
    data: { readAt: new Date() },
  });
  return { marked: count };
}
