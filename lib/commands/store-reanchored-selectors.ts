import "server-only";
import { pool } from "../db";
import type { AnchorChange } from "../annotations/reanchor";

const buffer = (u: Uint8Array) => Buffer.from(u.buffer, u.byteOffset, u.byteLength);

/** Stores re-anchored selectors in one statement; an orphan keeps its last quote. */
export default async function storeReanchoredSelectors({ changes }: { changes: AnchorChange[] }): Promise<void> {
  if (changes.length === 0) return;
  await pool().query(
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
