import "server-only";
import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { NotFoundError, ValidationError } from "../errors";
import { authorize, can, ROLES, type RoleAction } from "../policies";
import { isAnnotationVisibleTo, type AnnotationFacts } from "../policies/annotations";
import type { GroupViewer } from "../policies/viewer";
import type { QueueFilter } from "../validation/moderation";
import { annotationInclude } from "./annotations";
import { findAnnotation } from "./system/annotations";
import { loadDocumentForViewer } from "./document-access";
import { loadGroupForActor } from "./memberships";
import { visibleAnnotationsSql } from "./visibility";

/**
 * An annotation by id alone (the /api/v1/annotations/{id} routes) with its document and the
 * actor as a Viewer. Missing, deleted, outside the actor's groups or invisible to them: one 404.
 */
export async function loadAnnotationForViewer(annotationId: string, actorId: string, tx: Tx = db()) {
  const located = await tx.annotation.findUnique({ where: { id: annotationId }, select: { documentId: true } });
  if (!located) throw new NotFoundError("Annotation");
  let loaded;
  try {
    loaded = await loadDocumentForViewer(located.documentId, actorId, tx);
  } catch (error) {
    if (error instanceof NotFoundError) throw new NotFoundError("Annotation");
    throw error;
  }
  const annotation = await findAnnotation(located.documentId, annotationId, tx);
  if (!annotation || !isAnnotationVisibleTo(loaded.viewer, annotation)) throw new NotFoundError("Annotation");
  return { ...loaded, annotation };
}

/** The actor in a group as a Viewer, after checking they hold `action` (404 outsiders, 403 members). */
export async function groupViewer(groupId: string, actorId: string, action: RoleAction, tx: Tx = db()): Promise<GroupViewer> {
  return (await loadGroupForActor(groupId, actorId, action, tx)).viewer;
}

/** Roles whose holders may take `action`, read off the permission table (for recipient lists). */
export function rolesHolding(action: RoleAction) {
  return ROLES.filter((role) => can({ role, muted: false }, action));
}

const openFlag = Prisma.sql`EXISTS (SELECT 1 FROM "Flag" f WHERE f."annotationId" = a.id AND f."resolvedAt" IS NULL)`;

/** Each queue filter over the annotation alias `a`. */
const FILTER_SQL: Record<QueueFilter | "open", Prisma.Sql> = {
  pending: Prisma.sql`a.status = 'pending'`,
  flagged: openFlag,
  hidden: Prisma.sql`a.status = 'hidden'`,
  spam: Prisma.sql`a.status = 'spam'`,
  open: Prisma.sql`(a.status = 'pending' OR ${openFlag})`,
};

/** Decisions waiting come oldest first; decided items (hidden, spam) newest first. */
const NEWEST_FIRST: Record<QueueFilter | "open", boolean> = { pending: false, flagged: false, open: false, hidden: true, spam: true };

export const queueInclude = {
  ...annotationInclude,
  document: { select: { id: true, title: true } },
  thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true, quoteExact: true, body: true } },
  parent: { select: { id: true, body: true, author: { select: { name: true } } } },
  flags: { where: { resolvedAt: null }, select: { id: true, reason: true, text: true, createdAt: true }, orderBy: { createdAt: "asc" } },
} satisfies Prisma.AnnotationInclude;

export type QueueRow = Prisma.AnnotationGetPayload<{ include: typeof queueInclude }>;

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

export function decodeCursor<T>(cursor: string | undefined, check: (value: unknown) => value is T): T | undefined {
  if (!cursor) return undefined;
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    if (check(value)) return value;
  } catch {
    // fall through to the same error as a well-formed but foreign cursor
  }
  throw new ValidationError("The cursor is malformed; start again without it");
}

const isOffset = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/**
 * One page of the viewer's group's moderation queue (for those who hold `moderation.read`): what
 * the read rule lets them see (visibleAnnotationsSql) under the filter. Every row is also checked
 * with the read policy, so nothing the viewer may not see can slip in.
 */
export async function listQueue(opts: { viewer: GroupViewer; filter?: QueueFilter; cursor?: string; limit: number }) {
  authorize(opts.viewer.membership, "moderation.read");
  const skip = decodeCursor(opts.cursor, isOffset) ?? 0;
  const key = opts.filter ?? "open";
  const order = NEWEST_FIRST[key] ? Prisma.sql`a."createdAt" DESC, a.id DESC` : Prisma.sql`a."createdAt", a.id`;
  const ids = await db().$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Annotation" a
     WHERE ${visibleAnnotationsSql(opts.viewer, { groupId: opts.viewer.groupId })} AND ${FILTER_SQL[key]}
     ORDER BY ${order} LIMIT ${opts.limit + 1} OFFSET ${skip}`;
  const direction = NEWEST_FIRST[key] ? "desc" : "asc";
  const rows = ids.length ? await db().annotation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: queueInclude, orderBy: [{ createdAt: direction }, { id: direction }] }) : [];
  const more = rows.length > opts.limit;
  const items = rows.slice(0, opts.limit).filter((row) => isAnnotationVisibleTo(opts.viewer, row));
  return { items, nextCursor: more ? encodeCursor(skip + opts.limit) : null };
}

const factsSelect = { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } as const;

/**
 * Where an item of the viewer's group stands for their queue (status, lock, open flags), if they
 * see it now or saw it `before` a change; null otherwise, so others' private notes never count.
 */
export async function queueItemState(viewer: GroupViewer, annotationId: string, before: AnnotationFacts | null) {
  const row = await db().annotation.findUnique({
    where: { id: annotationId },
    select: { ...factsSelect, groupId: true, thread: { select: factsSelect }, _count: { select: { flags: { where: { resolvedAt: null } } } } },
  });
  if (!row || row.groupId !== viewer.groupId) return null;
  if (!isAnnotationVisibleTo(viewer, row as AnnotationFacts) && !(before && isAnnotationVisibleTo(viewer, before))) return null;
  return { status: row.status, locked: row.locked, openFlags: row._count.flags };
}

/** How many items each queue filter of the viewer's group holds, for the tabs and the navigation badge (`moderation.read`). */
export async function queueCounts(viewer: GroupViewer) {
  authorize(viewer.membership, "moderation.read");
  const [row] = await db().$queryRaw<Record<QueueFilter | "open", bigint>[]>`
    SELECT COUNT(*) FILTER (WHERE ${FILTER_SQL.open}) AS open, COUNT(*) FILTER (WHERE ${FILTER_SQL.pending}) AS pending,
           COUNT(*) FILTER (WHERE ${FILTER_SQL.flagged}) AS flagged, COUNT(*) FILTER (WHERE ${FILTER_SQL.hidden}) AS hidden,
           COUNT(*) FILTER (WHERE ${FILTER_SQL.spam}) AS spam
      FROM "Annotation" a WHERE ${visibleAnnotationsSql(viewer, { groupId: viewer.groupId })}`;
  return { open: Number(row.open), pending: Number(row.pending), flagged: Number(row.flagged), hidden: Number(row.hidden), spam: Number(row.spam) };
}

type LogCursor = [string, string];
const isLogCursor = (v: unknown): v is LogCursor => Array.isArray(v) && v.length === 2 && v.every((x) => typeof x === "string") && !Number.isNaN(Date.parse(v[0]));

/** One page of the viewer's group's moderation log (`moderation.read`), newest first, keyed on (time, id) so pages never overlap. */
export async function listModerationLog(opts: { viewer: GroupViewer; cursor?: string; limit: number; annotationId?: string }) {
  authorize(opts.viewer.membership, "moderation.read");
  const after = decodeCursor(opts.cursor, isLogCursor);
  const rows = await db().moderationLogEntry.findMany({
    where: {
      groupId: opts.viewer.groupId,
      ...(opts.annotationId ? { annotationId: opts.annotationId } : {}),
      ...(after ? { OR: [{ createdAt: { lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { lt: after[1] } }] } : {}),
    },
    include: {
      actor: { select: { id: true, name: true } },
      subject: { select: { id: true, name: true } },
      annotation: { select: { id: true, documentId: true, quoteExact: true, body: true, authorId: true, visibility: true, status: true, deletedAt: true } },
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: opts.limit + 1,
  });
  const items = rows.slice(0, opts.limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > opts.limit && last ? encodeCursor([last.createdAt.toISOString(), last.id]) : null };
}

export type LogRow = Awaited<ReturnType<typeof listModerationLog>>["items"][number];

const noteAuthor = { author: { select: { id: true, name: true } } } as const;

/**
 * The moderators' notes on one item the actor sees, oldest first, as a thread of their own: for
 * those who hold `moderation.read` (404 for an item they cannot see, 403 for its other readers).
 */
export async function listModeratorNotes(annotationId: string, actorId: string) {
  const { annotation, viewer } = await loadAnnotationForViewer(annotationId, actorId);
  authorize(viewer.membership, "moderation.read");
  return db().moderatorNote.findMany({ where: { annotationId: annotation.id }, include: noteAuthor, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

export type ModeratorNoteRow = Awaited<ReturnType<typeof listModeratorNotes>>[number];

const flagSelect = { id: true, annotationId: true, userId: true, reason: true, text: true, createdAt: true, resolvedAt: true } as const;

/**
 * Every flag, open and dismissed, on an item the actor sees, oldest first: for those who hold
 * `moderation.read`. `userId` is for checks only; presenters never show it.
 */
export async function listFlags(annotationId: string, actorId: string) {
  const { annotation, viewer } = await loadAnnotationForViewer(annotationId, actorId);
  authorize(viewer.membership, "moderation.read");
  return db().flag.findMany({ where: { annotationId: annotation.id }, select: flagSelect, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/** One flag on an item the actor sees, for the person who raised it and for moderators; to anyone else it does not exist (404). */
export async function findFlag(annotationId: string, flagId: string, actorId: string) {
  const { annotation, viewer } = await loadAnnotationForViewer(annotationId, actorId);
  const flag = await db().flag.findFirst({ where: { id: flagId, annotationId: annotation.id }, select: flagSelect });
  if (!flag || !can(viewer, "flag.read", flag)) throw new NotFoundError("Flag");
  return flag;
}

/** Moderator notes on several items of the viewer's group at once (a queue page), grouped by item (`moderation.read`). */
export async function moderatorNotesByItem(viewer: GroupViewer, annotationIds: string[]) {
  authorize(viewer.membership, "moderation.read");
  const rows = annotationIds.length
    ? await db().moderatorNote.findMany({ where: { annotationId: { in: annotationIds }, groupId: viewer.groupId }, include: noteAuthor, orderBy: [{ createdAt: "asc" }, { id: "asc" }] })
    : [];
  const byItem = new Map<string, ModeratorNoteRow[]>();
  for (const row of rows) byItem.set(row.annotationId!, [...(byItem.get(row.annotationId!) ?? []), row]);
  return byItem;
}

/** Whether each author is muted in the viewer's group, for the queue's mute toggle (`moderation.read`). */
export async function mutedAuthors(viewer: GroupViewer, userIds: string[]) {
  authorize(viewer.membership, "moderation.read");
  const rows = await db().membership.findMany({ where: { groupId: viewer.groupId, userId: { in: [...new Set(userIds)] } }, select: { userId: true, muted: true } });
  return new Map(rows.map((r) => [r.userId, r.muted]));
}
