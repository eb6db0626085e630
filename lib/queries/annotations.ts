import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { can } from "../policies";
import { isGroupModerator, type Viewer } from "../policies/annotations";

/** Rows the presenter needs: the annotation, its author and, for moderators, open flags. */
export const annotationInclude = {
  author: { select: { id: true, name: true } },
  thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } },
  /** Open flags (ids only; the presenter shows their count to moderators). */
  flags: { where: { resolvedAt: null }, select: { id: true } },
  /** Who reacted how: the presenter turns these into counts and the viewer's own reactions. */
  reactions: { select: { kind: true, userId: true } },
} satisfies Prisma.AnnotationInclude;

export type AnnotationRow = Prisma.AnnotationGetPayload<{ include: typeof annotationInclude }>;

/**
 * The SQL form of isAnnotationVisibleTo (lib/policies/annotations.ts): what the viewer may see
 * of one item, ignoring deletion. Both must agree; tests compare them on every combination.
 */
function itemVisibleWhere(viewer: Viewer): Prisma.AnnotationWhereInput {
  const mine: Prisma.AnnotationWhereInput = viewer.userId ? { authorId: viewer.userId } : { id: "" };
  if (viewer.hiddenUntilPosted) return mine;
  const others: Prisma.AnnotationWhereInput = isGroupModerator(viewer) ? { visibility: "group" } : { visibility: "group", status: "approved" };
  return { OR: [mine, others] };
}

/** Annotations of a document the viewer may see, replies only within visible threads. */
export function visibleAnnotationsWhere(documentId: string, viewer: Viewer): Prisma.AnnotationWhereInput {
  // Callers check document access first; this keeps a missed check from leaking anything.
  if (!can(viewer.membership, "document.read")) return { id: { in: [] } };
  const item = itemVisibleWhere(viewer);
  return {
    documentId,
    deletedAt: null,
    AND: [item, { OR: [{ threadId: null }, { thread: { is: { deletedAt: null, ...item } } }] }],
  };
}

/** One page of a document's visible annotations, in the order they were made. */
export function listVisibleAnnotations(documentId: string, viewer: Viewer, page?: { skip: number; take: number }, tx: Tx = db()) {
  return tx.annotation.findMany({
    where: visibleAnnotationsWhere(documentId, viewer),
    include: annotationInclude,
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    ...(page ?? {}),
  });
}

export function countVisibleAnnotations(documentId: string, viewer: Viewer, tx: Tx = db()) {
  return tx.annotation.count({ where: visibleAnnotationsWhere(documentId, viewer) });
}

/** An annotation of the document with what the presenter and the policies need, deleted or not. */
export function findAnnotation(documentId: string, annotationId: string, tx: Tx = db()) {
  return tx.annotation.findFirst({ where: { id: annotationId, documentId }, include: annotationInclude });
}

/** The newest change to a document's annotations, for the container's ETag. */
export async function annotationsVersion(documentId: string, viewer: Viewer, tx: Tx = db()) {
  // One statement: inside a transaction (the W3C container reads in one) queries cannot overlap.
  const aggregate = await tx.annotation.aggregate({ where: visibleAnnotationsWhere(documentId, viewer), _count: { _all: true }, _max: { updatedAt: true }, _sum: { version: true } });
  return { count: aggregate._count._all, updatedAt: aggregate._max.updatedAt, versions: aggregate._sum.version ?? 0 };
}

/**
 * isAnnotationVisibleTo as SQL over the alias `x`, for statements Prisma's filters make slow.
 * Tests hold it to the policy on every combination, like visibleAnnotationsWhere.
 */
function itemVisibleSql(x: string, viewer: Viewer): Prisma.Sql {
  const a = Prisma.raw(x);
  const mine = viewer.userId ? Prisma.sql`${a}."authorId" = ${viewer.userId}` : Prisma.sql`false`;
  if (viewer.hiddenUntilPosted) return Prisma.sql`(${mine})`;
  if (isGroupModerator(viewer)) return Prisma.sql`(${mine} OR ${a}.visibility = 'group')`;
  return Prisma.sql`(${mine} OR (${a}.visibility = 'group' AND ${a}.status = 'approved'))`;
}

/**
 * One page of a document's visible annotations (creation order) with the total and the newest
 * change of the whole visible set, in one statement: the W3C container's hot path.
 */
export async function pageOfVisibleAnnotations(documentId: string, viewer: Viewer, page: { skip: number; take: number }) {
  if (!can(viewer.membership, "document.read")) return { rows: [] as AnnotationRow[], total: 0, modified: null as Date | null };
  const where = Prisma.sql`a."documentId" = ${documentId} AND a."deletedAt" IS NULL AND ${itemVisibleSql("a", viewer)}
    AND (a."threadId" IS NULL OR EXISTS (SELECT 1 FROM "Annotation" t WHERE t.id = a."threadId" AND t."deletedAt" IS NULL AND ${itemVisibleSql("t", viewer)}))`;
  let ids = await db().$queryRaw<{ id: string; total: bigint; modified: Date | null }[]>`
    SELECT a.id, count(*) OVER () AS total, max(a."updatedAt") OVER () AS modified
      FROM "Annotation" a WHERE ${where}
     ORDER BY a."createdAt", a.id LIMIT ${page.take} OFFSET ${page.skip}`;
  let total = Number(ids[0]?.total ?? 0);
  let modified = ids[0]?.modified ?? null;
  // Past the end (or take 0): the window has no row to carry the totals.
  if (ids.length === 0) {
    const [summary] = await db().$queryRaw<{ total: bigint; modified: Date | null }[]>`SELECT count(*) AS total, max(a."updatedAt") AS modified FROM "Annotation" a WHERE ${where}`;
    [total, modified, ids] = [Number(summary.total), summary.modified, []];
  }
  const found = ids.length ? await db().annotation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: annotationInclude }) : [];
  const byId = new Map(found.map((row) => [row.id, row]));
  return { rows: ids.map((r) => byId.get(r.id)).filter((row): row is AnnotationRow => row !== undefined), total, modified };
}
