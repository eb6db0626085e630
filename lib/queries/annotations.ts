import "server-only";
import { registerCache } from "../cache/registry";
import { db, readRows, type Tx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { can } from "../policies";
import { NotFoundError } from "../errors";
import { isAnnotationVisibleTo, isGroupModerator, type Viewer } from "../policies/annotations";
import type { GroupViewer } from "../policies/viewer";
import { visibleAnnotationsSql } from "./visibility";

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
 * A document's annotations the viewer may see (visibleAnnotationsSql), in the order they were
 * made, with what annotationInclude gives.
 */
export async function listVisibleAnnotations(documentId: string, viewer: Viewer, page?: { skip: number; take: number }, tx: Tx = db()) {
  const window = page ? Prisma.sql`LIMIT ${page.take} OFFSET ${page.skip}` : Prisma.empty;
  const ids = await tx.$queryRaw<{ id: string }[]>`
    SELECT a.id FROM "Annotation" a WHERE ${visibleAnnotationsSql(viewer, { documentId })} ORDER BY a."createdAt", a.id ${window}`;
  if (ids.length === 0) return [];
  return tx.annotation.findMany({ where: { id: { in: ids.map((r) => r.id) } }, include: annotationInclude, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
}

/**
 * An annotation of a document as the viewer may know it, deleted or not: the row when they can
 * see it, or could before it (or its thread) was deleted (`gone`: the W3C routes answer 410);
 * NotFound otherwise, so a deletion never reveals that something invisible existed. The viewer
 * is the one built for this document (loadDocumentForViewer), whose group it must be in.
 */
export async function findAnnotationFor(viewer: GroupViewer, documentId: string, annotationId: string, tx: Tx = db()): Promise<{ row: AnnotationRow; gone: boolean }> {
  const row = await tx.annotation.findFirst({ where: { id: annotationId, documentId, document: { groupId: viewer.groupId } }, include: annotationInclude });
  if (!row) throw new NotFoundError("Annotation");
  const gone = Boolean(row.deletedAt || row.thread?.deletedAt);
  const asIfLive = gone ? { ...row, deletedAt: null, thread: row.thread ? { ...row.thread, deletedAt: null } : null } : row;
  if (!isAnnotationVisibleTo(viewer, asIfLive)) throw new NotFoundError("Annotation");
  return { row, gone };
}

/** Rows between two cached page starts in the keyset walk; the container's page size. */
export const PAGE_STRIDE = 100;

/**
 * What a container request needs besides the page's rows, for one viewer of one document:
 * how many items they see, the newest change among them, and where every PAGE_STRIDE-th item
 * starts (so ?page=N reads its rows from an index instead of skipping N×100 rows). Valid as
 * long as the document's annotationsSetRevision (bumped by a trigger on every committed change
 * that may alter the set, its order or newest change; not by re-anchoring) is the one it was
 * computed with; per process, bounded.
 */
type VisibleSetSummary = { revision: bigint; total: number; modified: Date | null; starts: { createdAt: string; id: string }[] };
const SUMMARY_CACHE_SIZE = 2000;
const summaries = registerCache("annotations.visible-set-summaries", new Map<string, VisibleSetSummary>());

/** What the visibility SQL depends on: two viewers with the same key see the same set. */
function visibilityKey(documentId: string, viewer: Viewer) {
  return `${documentId}\u0000${viewer.userId ?? ""}\u0000${isGroupModerator(viewer) ? "m" : ""}${viewer.hiddenUntilPosted ? "h" : ""}`;
}

function remember(key: string, summary: VisibleSetSummary) {
  summaries.delete(key);
  summaries.set(key, summary);
  if (summaries.size > SUMMARY_CACHE_SIZE) summaries.delete(summaries.keys().next().value!);
}

/** Total, newest change and page starts of the visible set, with the revision they belong to: one statement, one snapshot. */
async function summarize(documentId: string, viewer: Viewer): Promise<VisibleSetSummary> {
  const rows = await db().$queryRaw<{ revision: bigint; id: string | null; createdAt: string | null; total: bigint | null; modified: Date | null }[]>`
    WITH v AS (
      SELECT a.id, a."createdAt", row_number() OVER (ORDER BY a."createdAt", a.id) - 1 AS i,
             count(*) OVER () AS total, max(a."updatedAt") OVER () AS modified
        FROM "Annotation" a WHERE ${visibleAnnotationsSql(viewer, { documentId })}
    )
    SELECT d."annotationsSetRevision" AS revision, v.id, v."createdAt"::text AS "createdAt", v.total, v.modified
      FROM "Document" d LEFT JOIN v ON v.i % ${PAGE_STRIDE} = 0
     WHERE d.id = ${documentId}
     ORDER BY v.i`;
  if (!rows.length) return { revision: -1n, total: 0, modified: null, starts: [] };
  const starts = rows.filter((r) => r.id !== null).map((r) => ({ id: r.id!, createdAt: r.createdAt! }));
  return { revision: rows[0].revision, total: Number(rows[0].total ?? 0), modified: rows[0].modified, starts };
}

type DecoratedRow = Omit<AnnotationRow, "author" | "thread" | "flags" | "reactions"> & {
  authorName: string;
  threadAuthorId: string | null;
  threadVisibility: AnnotationRow["visibility"] | null;
  threadStatus: AnnotationRow["status"] | null;
  threadLocked: boolean | null;
  threadDeletedAt: Date | null;
  flagIds: string[];
  reactionList: AnnotationRow["reactions"];
};

/** node-pg's Buffer as the plain Uint8Array Prisma gives (same memory, no copy). */
const bytes = (value: Uint8Array | null) => (value ? new Uint8Array(value.buffer as ArrayBuffer, value.byteOffset, value.byteLength) : null);

/** Where a page starts: a cached page start (keyset) and the rows to skip after it. */
type PageCut = { from: { createdAt: string; id: string } | null; offset: number; take: number };

/**
 * The visible rows of one page, cut by keyset from its start, as `page`: the annotation's
 * columns listed in `columns` (over `a`, its author `u` and its thread `th`). The thread's
 * visibility is read from the joined thread row (an EXISTS here makes Postgres hash every
 * annotation of the document to check a page of 100).
 */
function pageCte(documentId: string, viewer: Viewer, cut: PageCut, columns: Prisma.Sql) {
  const after = cut.from ? Prisma.sql`AND (a."createdAt", a.id) >= (${cut.from.createdAt}::timestamp, ${cut.from.id})` : Prisma.empty;
  return Prisma.sql`page AS (
      SELECT ${columns}
        FROM "Annotation" a
        JOIN "User" u ON u.id = a."authorId"
        LEFT JOIN "Annotation" th ON th.id = a."threadId"
       WHERE ${visibleAnnotationsSql(viewer, { documentId }, { a: "a", thread: "th" })} ${after}
       ORDER BY a."createdAt", a.id
       LIMIT ${cut.take} OFFSET ${cut.offset}
    )`;
}

/**
 * Rows of one page with what annotationInclude gives, in one statement. The page is cut first;
 * its open flags and reactions are then read for its rows in one pass each (per-row subqueries
 * cost a scan of the flags per row when that table is small).
 */
async function decoratedRows(documentId: string, viewer: Viewer, cut: PageCut): Promise<AnnotationRow[]> {
  const statement = Prisma.sql`
    WITH ${pageCte(
      documentId,
      viewer,
      cut,
      Prisma.sql`a."id", a."documentId", a."groupId", a."authorId", a."parentId", a."threadId", a."motivation",
             a."visibility"::text AS "visibility", a."status"::text AS "status", a."body", a."bodyFormat", a."tags",
             a."anchorStart", a."anchorEnd", a."quoteExact", a."quotePrefix", a."quoteSuffix", a."positionStart", a."positionEnd",
             a."orphaned", a."locked", a."resolved", a."version", a."createdAt", a."updatedAt", a."deletedAt", a."canonical", a."via",
             u."name" AS "authorName",
             th."authorId" AS "threadAuthorId", th."visibility"::text AS "threadVisibility", th."status"::text AS "threadStatus",
             th."locked" AS "threadLocked", th."deletedAt" AS "threadDeletedAt"`,
    )},
    flags AS (
      SELECT f."annotationId", array_agg(f.id ORDER BY f.id) AS ids
        FROM "Flag" f WHERE f."resolvedAt" IS NULL AND f."annotationId" IN (SELECT id FROM page)
       GROUP BY f."annotationId"
    ),
    reactions AS (
      SELECT x."annotationId", json_agg(json_build_object('kind', x."kind", 'userId', x."userId") ORDER BY x."createdAt", x."userId") AS list
        FROM "Reaction" x WHERE x."annotationId" IN (SELECT id FROM page)
       GROUP BY x."annotationId"
    )
    SELECT page.*, coalesce(flags.ids, '{}'::text[]) AS "flagIds", coalesce(reactions.list, '[]'::json) AS "reactionList"
      FROM page
      LEFT JOIN flags ON flags."annotationId" = page.id
      LEFT JOIN reactions ON reactions."annotationId" = page.id
     ORDER BY page."createdAt", page.id`;
  // Through the plain read pool: Prisma's raw-query layer cost more CPU than the query (100 wide rows).
  const rows = await readRows<DecoratedRow>(statement);
  return rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    groupId: r.groupId,
    authorId: r.authorId,
    parentId: r.parentId,
    threadId: r.threadId,
    motivation: r.motivation,
    visibility: r.visibility,
    status: r.status,
    body: r.body,
    bodyFormat: r.bodyFormat,
    tags: r.tags,
    anchorStart: bytes(r.anchorStart),
    anchorEnd: bytes(r.anchorEnd),
    quoteExact: r.quoteExact,
    quotePrefix: r.quotePrefix,
    quoteSuffix: r.quoteSuffix,
    positionStart: r.positionStart,
    positionEnd: r.positionEnd,
    orphaned: r.orphaned,
    locked: r.locked,
    resolved: r.resolved,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    deletedAt: r.deletedAt,
    canonical: r.canonical,
    via: r.via,
    author: { id: r.authorId, name: r.authorName },
    thread: r.threadId && r.threadAuthorId !== null ? { authorId: r.threadAuthorId, visibility: r.threadVisibility!, status: r.threadStatus!, locked: r.threadLocked!, deletedAt: r.threadDeletedAt } : null,
    flags: r.flagIds.map((id) => ({ id })),
    reactions: r.reactionList,
  }));
}

/**
 * A fingerprint of everything a page's presented items are made of, without reading them:
 * the page's ids in order and the row versions (Postgres's xmin, new on every committed
 * UPDATE) of each annotation, its author and its flags and reactions (added, changed or
 * removed). Equal fingerprints mean equal rows, so a page presented before can be reused
 * after changes elsewhere in the document. One narrow statement on the same index as the page.
 */
async function pageFingerprint(documentId: string, viewer: Viewer, cut: PageCut): Promise<string> {
  const statement = Prisma.sql`
    WITH ${pageCte(documentId, viewer, cut, Prisma.sql`a.id, a."createdAt", a.xmin::text AS ax, u.xmin::text AS ux`)}
    SELECT md5(
             coalesce((SELECT string_agg(id || ':' || ax || ':' || ux, ',' ORDER BY "createdAt", id) FROM page), '') || '|' ||
             coalesce((SELECT string_agg(f.id || ':' || f.xmin::text, ',' ORDER BY f.id) FROM "Flag" f WHERE f."annotationId" IN (SELECT id FROM page)), '') || '|' ||
             coalesce((SELECT string_agg(x."annotationId" || ':' || x."userId" || ':' || x.kind || ':' || x.xmin::text, ',' ORDER BY x."annotationId", x."userId", x.kind)
                         FROM "Reaction" x WHERE x."annotationId" IN (SELECT id FROM page)), '')
           ) AS fingerprint`;
  const [row] = await readRows<{ fingerprint: string }>(statement);
  return row.fingerprint;
}

/** One page of a viewer's visible set: its totals now, its rows or their fingerprint on demand. */
export type VisiblePage = {
  total: number;
  modified: Date | null;
  /** False when the page is past the end (or nothing was asked for): no rows, nothing to read. */
  hasRows: boolean;
  /** See pageFingerprint: equal for equal rows, so what was made of them can be reused. */
  fingerprint(): Promise<string>;
  rows(): Promise<AnnotationRow[]>;
};

/**
 * One page of a document's visible annotations (creation order) with the total and the newest
 * change of the whole visible set: the W3C container's hot path. `setRevision` is the document's
 * annotationsSetRevision as the caller read it (loadDocumentForViewer); when the cached summary
 * for this viewer has it, only the page itself is read, by keyset from the page's start.
 */
export async function visiblePage(documentId: string, viewer: Viewer, page: { skip: number; take: number }, setRevision?: bigint): Promise<VisiblePage> {
  const none: VisiblePage = { total: 0, modified: null, hasRows: false, fingerprint: async () => "", rows: async () => [] };
  if (!can(viewer.membership, "document.read")) return none;
  const key = visibilityKey(documentId, viewer);
  let summary = summaries.get(key);
  if (!summary || setRevision === undefined || summary.revision !== setRevision) {
    summary = await summarize(documentId, viewer);
    remember(key, summary);
  }
  const { total, modified } = summary;
  if (page.take <= 0 || page.skip >= total) return { ...none, total, modified };
  const stride = Math.floor(page.skip / PAGE_STRIDE);
  // Page 0 needs no start; later pages read from theirs on the (documentId, createdAt, id) index.
  const from = stride > 0 ? (summary.starts[stride] ?? null) : null;
  const cut: PageCut = { from, offset: from ? page.skip - stride * PAGE_STRIDE : page.skip, take: page.take };
  return { total, modified, hasRows: true, fingerprint: () => pageFingerprint(documentId, viewer, cut), rows: () => decoratedRows(documentId, viewer, cut) };
}

/** visiblePage with its rows read. */
export async function pageOfVisibleAnnotations(documentId: string, viewer: Viewer, page: { skip: number; take: number }, setRevision?: bigint) {
  const { total, modified, rows } = await visiblePage(documentId, viewer, page, setRevision);
  return { rows: await rows(), total, modified };
}
