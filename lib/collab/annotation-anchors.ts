import pg from "pg";
import type { AnchorChange, StoredAnchor } from "../annotations/reanchor";
import type { AnnotationFacts } from "../policies/annotations";

const bytes = (b: Buffer) => new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Anchors of a document's live annotations and their re-anchored selectors, on the process's pool. */
export class AnnotationAnchors {
  constructor(private pool: pg.Pool) {}

  /** Every anchored, undeleted annotation of the document (or just the given ones). */
  async load(documentId: string, ids?: string[]): Promise<StoredAnchor[]> {
    const { rows } = await this.pool.query(
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

  /** Stores re-anchored selectors in one statement; an orphan keeps its last quote. */
  async save(changes: AnchorChange[]): Promise<void> {
    if (changes.length === 0) return;
    await this.pool.query(
      `UPDATE "Annotation" AS a SET
         "positionStart" = u.ps, "positionEnd" = u.pe, orphaned = u.orph,
         "quoteExact" = CASE WHEN u.orph THEN a."quoteExact" ELSE u.ex END,
         "quotePrefix" = CASE WHEN u.orph THEN a."quotePrefix" ELSE u.pre END,
         "quoteSuffix" = CASE WHEN u.orph THEN a."quoteSuffix" ELSE u.suf END,
         "anchorStart" = COALESCE(u.ast, a."anchorStart"), "anchorEnd" = COALESCE(u.aen, a."anchorEnd"),
         version = a.version + 1
       FROM unnest($1::text[], $2::int[], $3::int[], $4::text[], $5::text[], $6::text[], $7::bool[], $8::bytea[], $9::bytea[])
         AS u(id, ps, pe, ex, pre, suf, orph, ast, aen)
       WHERE a.id = u.id AND a."deletedAt" IS NULL`,
      [
        changes.map((c) => c.id),
        changes.map((c) => c.start),
        changes.map((c) => c.end),
        changes.map((c) => c.exact),
        changes.map((c) => c.prefix),
        changes.map((c) => c.suffix),
        changes.map((c) => c.orphaned),
        changes.map((c) => (c.anchorChanged ? buffer(c.anchor.start) : null)),
        changes.map((c) => (c.anchorChanged ? buffer(c.anchor.end) : null)),
      ],
    );
  }

  /** Annotations of these documents (replies too) changed since `since`, with the facts their visibility depends on. */
  async changedSince(documentIds: string[], since: Date): Promise<{ id: string; documentId: string; deletedAt: Date | null; facts: AnnotationFacts }[]> {
    const { rows } = await this.pool.query(
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
}
