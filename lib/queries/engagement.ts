import "server-only";
import { db } from "../db";
import { authorize } from "../policies";
import type { GroupViewer } from "../policies/viewer";
import { visibleAnnotationsSql } from "./visibility";

/** Buckets of a document's density strip. */
export const DENSITY_BUCKETS = 48;

export type MemberEngagement = { userId: string; name: string; role: string; annotations: number; replies: number; reactionsReceived: number; lastActiveAt: Date | null };

/**
 * Per member of the group: threads started, replies written and reactions their posts received,
 * counting what the moderator `viewer` sees (visibleAnnotationsSql: not deleted, never others'
 * private notes) except spam (pending and hidden posts still show effort).
 * For those who hold `moderation.read`.
 */
export async function groupEngagement(viewer: GroupViewer): Promise<MemberEngagement[]> {
  authorize(viewer.membership, "moderation.read");
  const groupId = viewer.groupId;
  const rows = await db().$queryRaw<{ userId: string; name: string; role: string; annotations: bigint; replies: bigint; reactions: bigint; lastActiveAt: Date | null }[]>`
    SELECT m."userId", u.name, m.role::text AS role,
           COUNT(a.id) FILTER (WHERE a."threadId" IS NULL) AS annotations,
           COUNT(a.id) FILTER (WHERE a."threadId" IS NOT NULL) AS replies,
           COALESCE(SUM(r.count), 0) AS reactions,
           MAX(a."createdAt") AS "lastActiveAt"
      FROM "Membership" m
      JOIN "User" u ON u.id = m."userId"
      LEFT JOIN "Annotation" a ON a."authorId" = m."userId" AND ${visibleAnnotationsSql(viewer, { groupId })} AND a.status <> 'spam'
      LEFT JOIN LATERAL (SELECT COUNT(*) AS count FROM "Reaction" x WHERE x."annotationId" = a.id AND x."userId" <> m."userId") r ON true
     WHERE m."groupId" = ${groupId}
     GROUP BY m."userId", u.name, m.role
     ORDER BY COUNT(a.id) DESC, u.name ASC`;
  return rows.map((r) => ({ userId: r.userId, name: r.name, role: r.role, annotations: Number(r.annotations), replies: Number(r.replies), reactionsReceived: Number(r.reactions), lastActiveAt: r.lastActiveAt }));
}

export type DocumentDensity = { documentId: string; title: string; length: number; total: number; buckets: number[] };

/**
 * Where discussion concentrates in each document: threads and their replies the moderator `viewer`
 * sees (spam aside) counted in DENSITY_BUCKETS equal slices of the text, by the thread's current
 * position (orphans left out). For those who hold `moderation.read`; `documentId` narrows it to one text.
 */
export async function groupDensity(viewer: GroupViewer, documentId?: string): Promise<DocumentDensity[]> {
  authorize(viewer.membership, "moderation.read");
  const groupId = viewer.groupId;
  const documents = await db().document.findMany({ where: { groupId, ...(documentId ? { id: documentId } : {}) }, select: { id: true, title: true, text: true }, orderBy: { updatedAt: "desc" } });
  const threads = await db().$queryRaw<{ documentId: string; positionStart: number; weight: bigint }[]>`
    SELECT t."documentId", t."positionStart", 1 + COUNT(r.id) AS weight
      FROM "Annotation" t
      LEFT JOIN "Annotation" r ON r."threadId" = t.id AND ${visibleAnnotationsSql(viewer, { groupId }, { a: "r" })} AND r.status <> 'spam'
     WHERE ${visibleAnnotationsSql(viewer, { groupId }, { a: "t" })} AND (${documentId ?? null}::text IS NULL OR t."documentId" = ${documentId ?? null}) AND t."threadId" IS NULL AND t.status <> 'spam' AND t.orphaned = false AND t."positionStart" IS NOT NULL
     GROUP BY t.id`;
  return documents.map((d) => {
    const length = Math.max(1, [...d.text].length);
    const buckets = new Array<number>(DENSITY_BUCKETS).fill(0);
    let total = 0;
    for (const t of threads) {
      if (t.documentId !== d.id) continue;
      const bucket = Math.min(DENSITY_BUCKETS - 1, Math.floor((t.positionStart / length) * DENSITY_BUCKETS));
      buckets[bucket] += Number(t.weight);
      total += Number(t.weight);
    }
    return { documentId: d.id, title: d.title, length, total, buckets };
  });
}

const CSV_FORMULA = /^[=+\-@\t\r]/;
/** One CSV cell: quoted, and defused when a spreadsheet would read it as a formula. */
export function csvCell(value: string | number | null): string {
  const text = value === null ? "" : String(value);
  const safe = CSV_FORMULA.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

/** The engagement table as CSV (RFC 4180, CRLF). */
export function engagementCsv(rows: MemberEngagement[]): string {
  const header = ["member", "role", "annotations", "replies", "reactions_received", "last_active"].map(csvCell).join(",");
  const lines = rows.map((r) => [r.name, r.role, r.annotations, r.replies, r.reactionsReceived, r.lastActiveAt?.toISOString() ?? null].map(csvCell).join(","));
  return [header, ...lines].join("\r\n") + "\r\n";
}
