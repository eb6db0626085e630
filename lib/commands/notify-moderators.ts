import "server-only";
import { db, type Tx } from "../db";
import { isAnnotationVisibleTo, type AnnotationFacts } from "../policies/annotations";
import { rolesHolding } from "../queries/moderation";

type Item = AnnotationFacts & { id: string; groupId: string };

/**
 * Puts an entry in the inbox of each moderator of the item's group who can see the item,
 * except whoever caused it. An unread entry of the same kind about the same item is not
 * repeated, so ten flags on one post are one line to read. Flaggers are never named.
 */
export default async function notifyModerators(opts: { kind: "flag" | "pending"; item: Item; causedBy: string; tx?: Tx }) {
  const tx = opts.tx ?? db();
  const memberships = await tx.membership.findMany({
    where: { groupId: opts.item.groupId, role: { in: rolesHolding("annotation.moderate") }, userId: { not: opts.causedBy } },
    select: { userId: true, role: true, muted: true },
  });
  const recipients = memberships
    // Moderators do not get flag reports about their own words; their colleagues decide.
    .filter((m) => !(opts.kind === "flag" && m.userId === opts.item.authorId))
    .filter((m) => isAnnotationVisibleTo({ userId: m.userId, membership: m }, opts.item))
    .map((m) => m.userId);
  if (recipients.length === 0) return { count: 0 };
  const already = await tx.notification.findMany({
    where: { userId: { in: recipients }, kind: opts.kind, annotationId: opts.item.id, readAt: null },
    select: { userId: true },
  });
  const skip = new Set(already.map((n) => n.userId));
  return tx.notification.createMany({
    data: recipients
      .filter((userId) => !skip.has(userId))
      .map((userId) => ({
        userId,
        kind: opts.kind,
        groupId: opts.item.groupId,
        annotationId: opts.item.id,
        actorId: opts.kind === "pending" ? opts.causedBy : null,
      })),
  });
}

/**
 * Call after a post is created or edited: when it now waits for approval, the group's
 * moderators hear of it. A no-op for anything not pending, so callers need not check.
 */
export async function notifyModeratorsOfPendingPost(opts: { annotationId: string; tx?: Tx }) {
  const tx = opts.tx ?? db();
  const item = await tx.annotation.findUnique({
    where: { id: opts.annotationId },
    select: {
      id: true, groupId: true, authorId: true, visibility: true, status: true, locked: true, deletedAt: true,
      thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } },
    },
  });
  if (!item || item.status !== "pending" || item.deletedAt) return { count: 0 };
  return notifyModerators({ kind: "pending", item, causedBy: item.authorId, tx });
}
