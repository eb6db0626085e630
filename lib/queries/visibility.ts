import "server-only";
import { db, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { can } from "../policies";
import { isGroupModerator, type Viewer } from "../policies/annotations";
import type { GroupViewer } from "../policies/viewer";

/**
 * The read policy (lib/policies/annotations.ts) as SQL: the one builder every list, count,
 * search, export and queue of annotations filters with, and the one "has posted" rule of
 * hide-and-reveal. The integration tests hold both to the policy predicates on every
 * combination of viewer, author, visibility, status, deletion, thread and hide-and-reveal.
 */

/** Where the annotations are read: one document, or every document of a group. */
export type VisibilityScope = { documentId: string } | { groupId: string };

/** countsAsPosting (the policy) over the annotation alias `p`: a live, group-visible top-level note with a body. */
export function countsAsPostingSql(p: string): Prisma.Sql {
  const x = Prisma.raw(p);
  // A body is something besides spaces, tabs and line breaks, exactly as the policy reads it.
  return Prisma.sql`(${x}."threadId" IS NULL AND ${x}."deletedAt" IS NULL AND ${x}.visibility = 'group' AND ${x}.body ~ '[^ \t\n\r]')`;
}

/** Whether `userId` has posted on the document `documentId` (an SQL expression), as hide-and-reveal counts it. */
export function hasPostedSql(documentId: Prisma.Sql, userId: string): Prisma.Sql {
  return Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" p WHERE p."documentId" = ${documentId} AND p."authorId" = ${userId} AND ${countsAsPostingSql("p")})`;
}

/** Of these documents, those `userId` has posted on, as hide-and-reveal counts it (for the inbox). */
export async function documentsPostedOn(userId: string, documentIds: string[], tx: Tx = db()): Promise<Set<string>> {
  if (documentIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ documentId: string }[]>`
    SELECT DISTINCT p."documentId" FROM "Annotation" p
     WHERE p."documentId" = ANY(${documentIds}::text[]) AND p."authorId" = ${userId} AND ${countsAsPostingSql("p")}`;
  return new Set(rows.map((r) => r.documentId));
}

/** isHiddenUntilPosted as SQL: the ids of the documents in scope that hide others' notes from this viewer. */
function hidingDocumentsSql(viewer: Viewer, scope: VisibilityScope): Prisma.Sql {
  if (!viewer.userId || isGroupModerator(viewer)) return Prisma.sql`SELECT NULL::text WHERE false`;
  const where = "documentId" in scope ? Prisma.sql`d.id = ${scope.documentId}` : Prisma.sql`d."groupId" = ${scope.groupId}`;
  return Prisma.sql`SELECT d.id FROM "Document" d WHERE ${where} AND d."hideUntilPosted" AND NOT ${hasPostedSql(Prisma.sql`d.id`, viewer.userId)}`;
}

/** The item part of isAnnotationVisibleTo over the alias `x`, deletion aside. */
function itemVisibleSql(x: string, viewer: Viewer, hiding: Prisma.Sql): Prisma.Sql {
  const a = Prisma.raw(x);
  const mine = viewer.userId ? Prisma.sql`${a}."authorId" = ${viewer.userId}` : Prisma.sql`false`;
  const status = isGroupModerator(viewer) ? Prisma.empty : Prisma.sql`AND ${a}.status = 'approved'`;
  return Prisma.sql`(${mine} OR (${a}.visibility = 'group' ${status} AND ${a}."documentId" NOT IN (${hiding})))`;
}

/**
 * isAnnotationVisibleTo as an SQL condition over the annotation alias `a` within `scope`: live,
 * visible to the viewer, and a reply only in a live thread the viewer sees. `thread` names the
 * alias of its thread when the statement already LEFT JOINs it (faster than a subquery per row).
 */
export function visibleAnnotationsSql(viewer: Viewer, scope: VisibilityScope, aliases: { a?: string; thread?: string } = {}): Prisma.Sql {
  if (!can(viewer.membership, "document.read")) return Prisma.sql`false`;
  const x = aliases.a ?? "a";
  const a = Prisma.raw(x);
  const hiding = hidingDocumentsSql(viewer, scope);
  // The thread's own alias, so that it never shadows the caller's.
  const t = Prisma.raw(`${x}_thread`);
  const inScope = "documentId" in scope ? Prisma.sql`${a}."documentId" = ${scope.documentId}` : Prisma.sql`${a}."groupId" = ${scope.groupId}`;
  const thread = aliases.thread
    ? Prisma.sql`(${Prisma.raw(aliases.thread)}."deletedAt" IS NULL AND ${itemVisibleSql(aliases.thread, viewer, hiding)})`
    : Prisma.sql`EXISTS (SELECT 1 FROM "Annotation" ${t} WHERE ${t}.id = ${a}."threadId" AND ${t}."deletedAt" IS NULL AND ${itemVisibleSql(`${x}_thread`, viewer, hiding)})`;
  return Prisma.sql`(${inScope} AND ${a}."deletedAt" IS NULL AND ${itemVisibleSql(x, viewer, hiding)} AND (${a}."threadId" IS NULL OR ${thread}))`;
}

/** How many annotations of each document of the viewer's group they see (absent: none). */
export async function visibleCountsByDocument(viewer: GroupViewer, tx: Tx = db()): Promise<Map<string, number>> {
  const groupId = viewer.groupId;
  const rows = await tx.$queryRaw<{ documentId: string; count: bigint }[]>`
    SELECT a."documentId", COUNT(*) AS count FROM "Annotation" a WHERE ${visibleAnnotationsSql(viewer, { groupId })} GROUP BY a."documentId"`;
  return new Map(rows.map((r) => [r.documentId, Number(r.count)]));
}
