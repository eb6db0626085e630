import "server-only";
import { db, type Tx } from "../db";
import { ForbiddenError, NotFoundError, ValidationError } from "../errors";
import { Prisma } from "../generated/prisma/client";
import { authorize, can } from "../policies";
import type { Viewer } from "../policies/annotations";
import { viewerFor, type GroupViewer } from "../policies/viewer";
import { visibleAnnotationsSql } from "./visibility";

/** Text-search configuration; must match the one in the annotation_search_vector() migration. */
const CONFIG = Prisma.sql`'english'::regconfig`;

/** Marks ts_headline puts around matches (private-use code points); the presenter turns them into <mark>. */
export const MATCH_START = "\uE000";
export const MATCH_END = "\uE001";
const HEADLINE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, MaxWords=28, MinWords=12, ShortWord=2, MaxFragments=2, FragmentDelimiter=" … "`;
const HEADLINE_WHOLE = `StartSel=${MATCH_START}, StopSel=${MATCH_END}, HighlightAll=true`;
/** Notes and quotes up to this many characters are shown whole; longer ones as excerpts around the matches. */
const WHOLE_UP_TO = 320;

export type SearchFilters = { q: string; author?: string; tag?: string; document?: string; limit: number; cursor?: string };

/** Where the last page ended: rank, then newest first, then id — every result has a strict place. */
type Cursor = { rank: number; createdAt: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.rank, cursor.createdAt, cursor.id])).toString("base64url");
}

function decodeCursor(value: string): Cursor {
  try {
    const [rank, createdAt, id] = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as [number, string, string];
    if (typeof rank !== "number" || typeof id !== "string" || Number.isNaN(Date.parse(createdAt))) throw new Error();
    return { rank, createdAt, id };
  } catch {
    throw new ValidationError("cursor: not a cursor this search gave out");
  }
}

/**
 * One page of a group's annotations matching the query that the viewer may see, best first
 * (ts_rank_cd over the generated searchVector, GIN-indexed), with ts_headline snippets of the
 * note and of the quote. Without words it lists the filtered annotations, newest first.
 * Returned as SQL so the benchmark runs exactly this query through pg as its baseline.
 */
export function groupSearchSql(viewer: GroupViewer, filters: SearchFilters): Prisma.Sql {
  const groupId = viewer.groupId;
  const words = filters.q.trim();
  const query = words ? Prisma.sql`websearch_to_tsquery(${CONFIG}, ${words})` : Prisma.sql`NULL::tsquery`;
  const rank = words ? Prisma.sql`ts_rank_cd(a."searchVector", q.query)::float8` : Prisma.sql`0::float8`;
  const conditions = [visibleAnnotationsSql(viewer, { groupId })];
  if (words) conditions.push(Prisma.sql`a."searchVector" @@ q.query`);
  if (filters.author) conditions.push(Prisma.sql`a."authorId" = ${filters.author}`);
  if (filters.tag) conditions.push(Prisma.sql`a.tags @> ARRAY[${filters.tag}]::text[]`);
  if (filters.document) conditions.push(Prisma.sql`a."documentId" = ${filters.document}`);
  if (filters.cursor) {
    const c = decodeCursor(filters.cursor);
    // createdAt is stored as UTC in a timestamp without zone: the ISO string's zone is dropped on purpose.
    conditions.push(Prisma.sql`(${rank}, a."createdAt", a.id) < (${c.rank}::float8, ${c.createdAt}::timestamp, ${c.id})`);
  }
  const headline = (column: Prisma.Sql) =>
    words
      ? Prisma.sql`CASE WHEN length(${column}) <= ${WHOLE_UP_TO} THEN ts_headline(${CONFIG}, ${column}, q.query, ${HEADLINE_WHOLE})
                        ELSE '… ' || ts_headline(${CONFIG}, ${column}, q.query, ${HEADLINE}) || ' …' END`
      : Prisma.sql`CASE WHEN length(${column}) <= ${WHOLE_UP_TO} THEN ${column} ELSE left(${column}, ${WHOLE_UP_TO}) || ' …' END`;
  return Prisma.sql`
    WITH q AS (SELECT ${query} AS query),
    page AS (
      SELECT a.id, ${rank} AS rank, a."createdAt"
        FROM "Annotation" a, q
       WHERE ${Prisma.join(conditions, " AND ")}
       ORDER BY rank DESC, a."createdAt" DESC, a.id DESC
       LIMIT ${filters.limit + 1}
    )
    SELECT a.id, a."documentId", d.title AS "documentTitle", a."authorId", u.name AS "authorName", a."threadId",
           a.visibility::text AS visibility, a.status::text AS status, a.tags, a.resolved, a."createdAt", a."updatedAt", page.rank,
           ${headline(Prisma.sql`a.body`)} AS snippet,
           ${headline(Prisma.sql`COALESCE(a."quoteExact", t."quoteExact", '')`)} AS "quoteSnippet",
           r.helpful, r.question, r.mine
      FROM page
      JOIN "Annotation" a ON a.id = page.id
      JOIN "Document" d ON d.id = a."documentId"
      JOIN "User" u ON u.id = a."authorId"
      LEFT JOIN "Annotation" t ON t.id = a."threadId"
      CROSS JOIN q
      LEFT JOIN LATERAL (
        SELECT COUNT(*) FILTER (WHERE x.kind = 'helpful')::int AS helpful, COUNT(*) FILTER (WHERE x.kind = 'question')::int AS question,
               COALESCE(array_agg(x.kind::text) FILTER (WHERE x."userId" = ${viewer.userId ?? ""}), '{}') AS mine
          FROM "Reaction" x WHERE x."annotationId" = a.id
      ) r ON true
     ORDER BY page.rank DESC, page."createdAt" DESC, page.id DESC`;
}

export type SearchRow = {
  id: string;
  documentId: string;
  documentTitle: string;
  authorId: string;
  authorName: string;
  threadId: string | null;
  visibility: "private" | "group";
  status: "approved" | "pending" | "hidden" | "spam";
  tags: string[];
  resolved: boolean;
  createdAt: Date;
  updatedAt: Date;
  rank: number;
  snippet: string;
  quoteSnippet: string;
  helpful: number;
  question: number;
  mine: ("helpful" | "question")[];
};

/** Runs the search in the viewer's group (nothing for those who may not read it); `next` is the cursor of the following page. */
export async function searchGroup(viewer: GroupViewer, filters: SearchFilters, tx: Tx = db()) {
  if (!can(viewer.membership, "document.read")) return { rows: [] as SearchRow[], next: null };
  const rows = await tx.$queryRaw<SearchRow[]>(groupSearchSql(viewer, filters));
  const more = rows.length > filters.limit;
  const page = more ? rows.slice(0, filters.limit) : rows;
  const last = page.at(-1);
  return { rows: page, next: more && last ? encodeCursor({ rank: last.rank, createdAt: last.createdAt.toISOString(), id: last.id }) : null };
}

/** The viewer's group's tags in use, most used first, for the search page's filter (visible annotations only). */
export async function groupTags(viewer: GroupViewer, tx: Tx = db()): Promise<string[]> {
  const groupId = viewer.groupId;
  if (!can(viewer.membership, "document.read")) return [];
  const rows = await tx.$queryRaw<{ tag: string }[]>(Prisma.sql`
    SELECT tag FROM "Annotation" a, unnest(a.tags) AS tag
     WHERE ${visibleAnnotationsSql(viewer, { groupId })}
     GROUP BY tag ORDER BY COUNT(*) DESC, tag LIMIT 100`);
  return rows.map((r) => r.tag);
}

/**
 * The group and the viewer a group search runs as: outsiders get 404 like any group URL; in a
 * group that keeps peers anonymous, filtering by someone else would unmask them (403).
 */
export async function loadSearchScope(groupId: string, actorId: string, filters: { author?: string }) {
  // One round trip for membership and group: the search itself is the only other query.
  const found = await db().membership.findUnique({ where: { groupId_userId: { groupId, userId: actorId } }, include: { group: true } });
  if (!found) throw new NotFoundError("Group");
  const { group, ...membership } = found;
  authorize(membership, "document.read");
  const viewer = viewerFor({ userId: actorId, groupId, membership, group });
  assertAuthorFilterAllowed(viewer, filters.author);
  return { group, viewer };
}

/** Throws 403 when the author filter would unmask someone the viewer sees anonymously. */
export function assertAuthorFilterAllowed(viewer: Viewer, author: string | undefined) {
  if (viewer.anonymousPeers && author && author !== viewer.userId) {
    throw new ForbiddenError("Authors are anonymous to peers in this group; you can filter by your own notes only");
  }
}
