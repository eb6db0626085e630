import "server-only";
import { pool } from "../../db";
import type { StoredAnchor } from "../../annotations/reanchor";
import type { AnnotationFacts } from "../../policies/annotations";

/**
 * System reads (no reader: see lib/queries/system/annotations.ts) of re-anchoring on live
 * documents (lib/collab/ReanchorExtension.ts) and of the event relay between instances, on the
 * process's pool: plain SQL, since they run after every pause in typing.
 */
const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

/** Every anchored, undeleted annotation of the document (or just the given ones). */
export async function liveAnchorsOf(documentId: string, ids?: string[]): Promise<StoredAnchor[]> {
  const { rows } = await pool().query(
    `SELECT id, "anchorStart", "anchorEnd", "positionStart", "positionEnd", "quoteExact", "quotePrefix", "quoteSuffix", orphaned
       FROM "Annotation" WHERE "documentId" = $1 AND "deletedAt" IS NULL AND "anchorStart" IS NOT NULL AND ($2::text[] IS NULL OR id = ANY($2))`,
    [documentId, ids ?? null],
  );
  return rows.map((r) => ({
    id: r.id,
    anchor: { start: bytes(r.anchorStart), end: bytes(r.anchorEnd) },
    start: r.positionStart,
    end: r.positionEnd,
    exact: r.quoteExact ?? "",
    prefix: r.quotePrefix ?? "",
    suffix: r.quoteSuffix ?? "",
    orphaned: r.orphaned,
  }));
}

/** Annotations of these documents (replies too) changed since `since`, with the facts their visibility depends on. */
export async function annotationsChangedSince(documentIds: string[], since: Date): Promise<{ id: string; documentId: string; deletedAt: Date | null; facts: AnnotationFacts }[]> {
  const { rows } = await pool().query(
    `SELECT a.id, a."documentId", a."deletedAt", a."authorId", a.visibility, a.status, a.locked,
            t."authorId" AS "threadAuthorId", t.visibility AS "threadVisibility", t.status AS "threadStatus", t.locked AS "threadLocked", t."deletedAt" AS "threadDeletedAt"
       FROM "Annotation" a LEFT JOIN "Annotation" t ON t.id = a."threadId"
      WHERE a."documentId" = ANY($1) AND a."updatedAt" >= ($2::timestamptz AT TIME ZONE 'UTC')`,
    [documentIds, since.toISOString()],
  );
  return rows.map((r) => ({
    id: r.id,
    documentId: r.documentId,
    deletedAt: r.deletedAt,
    facts: {
      authorId: r.authorId,
      visibility: r.visibility,
      status: r.status,
      locked: r.locked,
      thread: r.threadAuthorId ? { authorId: r.threadAuthorId, visibility: r.threadVisibility, status: r.threadStatus, locked: r.threadLocked, deletedAt: r.threadDeletedAt } : null,
    },
  }));
}
