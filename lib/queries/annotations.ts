import { db, type Prisma, type Tx } from "../db";
import { can } from "../policies";
import { isGroupModerator, type Viewer } from "../policies/annotations";

/** Rows the presenter needs: the annotation, its author and, for moderators, open flags. */
export const annotationInclude = {
  author: { select: { id: true, name: true } },
  thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } },
  _count: { select: { flags: { where: { resolvedAt: null } } } },
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
