import "server-only";
import { db, type Prisma } from "../db";
import { can, type MembershipLike } from "../policies";
import { isAnnotationVisibleTo, type Viewer } from "../policies/annotations";
import { viewerFor } from "../policies/viewer";
import { decodeCursor, encodeCursor, rolesHolding } from "./moderation";
import { documentsPostedOn } from "./visibility";

/** Largest unread count we compute exactly; the badge shows "99+" beyond it anyway. */
export const UNREAD_COUNT_CAP = 100;

const notificationInclude = {
  group: { select: { id: true, name: true, anonymousToPeers: true } },
  actor: { select: { id: true, name: true } },
  annotation: {
    select: {
      id: true, documentId: true, authorId: true, visibility: true, status: true, deletedAt: true, locked: true,
      quoteExact: true, body: true, parentId: true,
      document: { select: { title: true, hideUntilPosted: true } },
      thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } },
    },
  },
} satisfies Prisma.NotificationInclude;

export type NotificationRow = Prisma.NotificationGetPayload<{ include: typeof notificationInclude }>;

/** Kinds addressed to the group's moderators; the others (reply, mention, activity) to any member. */
const MODERATOR_KINDS = ["flag", "pending"] as const;
const isModeratorKind = (kind: string) => (MODERATOR_KINDS as readonly string[]).includes(kind);

/**
 * Only entries the recipient may still act on: still in the group (moderating it, for flags
 * and pending posts; SQL bound) and still able to see the item (the read policy, below), so a
 * demotion, a departure or a deletion empties them.
 */
function recipientWhere(userId: string): Prisma.NotificationWhereInput {
  return {
    userId,
    AND: [
      {
        OR: [
          { kind: { in: [...MODERATOR_KINDS] }, group: { memberships: { some: { userId, role: { in: rolesHolding("moderation.read") } } } } },
          { kind: { notIn: [...MODERATOR_KINDS] }, group: { memberships: { some: { userId } } } },
        ],
      },
      { OR: [{ annotationId: null }, { annotation: { is: { deletedAt: null } } }] },
    ],
  };
}

type Relevant = { kind: string; groupId: string; group: { anonymousToPeers: boolean }; annotation: NotificationRow["annotation"] };

/** The rows the recipient may still see, each with the recipient as a policy Viewer of its group. */
async function stillRelevant<T extends Relevant>(userId: string, rows: T[]): Promise<{ row: T; viewer: Viewer }[]> {
  if (rows.length === 0) return [];
  const memberships = await db().membership.findMany({ where: { userId, groupId: { in: [...new Set(rows.map((r) => r.groupId))] } } });
  const byGroup = new Map<string, MembershipLike>(memberships.map((m) => [m.groupId, m]));
  const veiled = [...new Set(rows.flatMap((r) => (r.annotation?.document.hideUntilPosted ? [r.annotation.documentId] : [])))];
  const posted = await documentsPostedOn(userId, veiled);
  return rows.flatMap((row) => {
    const document = row.annotation ? { hideUntilPosted: row.annotation.document.hideUntilPosted, posted: posted.has(row.annotation.documentId) } : undefined;
    const viewer = viewerFor({ userId, groupId: row.groupId, membership: byGroup.get(row.groupId) ?? null, group: row.group, document });
    if (isModeratorKind(row.kind) && !can(viewer.membership, "moderation.read")) return [];
    if (!can(viewer.membership, "document.read")) return [];
    return !row.annotation || isAnnotationVisibleTo(viewer, row.annotation) ? [{ row, viewer }] : [];
  });
}

type Cursor = [string, string];
const isCursor = (v: unknown): v is Cursor => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string") && !Number.isNaN(Date.parse(v[0]));

/** One page of a user's inbox, newest first. */
export async function listNotifications(opts: { userId: string; unread?: boolean; cursor?: string; limit: number }) {
  const after = decodeCursor(opts.cursor, isCursor);
  const rows = await db().notification.findMany({
    where: {
      AND: [
        recipientWhere(opts.userId),
        opts.unread ? { readAt: null } : {},
        after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {},
      ],
    },
    include: notificationInclude,
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
  });
  const page = rows.slice(0, opts.limit);
  const last = page.at(-1);
  return {
    items: await stillRelevant(opts.userId, page),
    nextCursor: rows.length > opts.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null,
  };
}

/** Unread entries the user may still act on, counted up to UNREAD_COUNT_CAP. */
export async function countUnreadNotifications(userId: string) {
  const rows = await db().notification.findMany({
    where: { AND: [recipientWhere(userId), { readAt: null }] },
    select: { kind: true, groupId: true, group: { select: { anonymousToPeers: true } }, annotation: notificationInclude.annotation },
    orderBy: { createdAt: "desc" },
    take: UNREAD_COUNT_CAP,
  });
  return (await stillRelevant(userId, rows)).length;
}
