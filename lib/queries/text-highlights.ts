import "server-only";
import { readRows } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { Viewer } from "../policies/annotations";
import { visibleAnnotationsSql } from "./visibility";

/** A note's words in the text as the reading page first paints them, with what decides its tint. */
export type TextHighlightRow = { id: string; start: number; end: number; exact: string; authorId: string; visibility: "private" | "group"; status: string };

/**
 * The highlights the reading page draws on its server-rendered text: the viewer's visible thread
 * roots that are anchored and not resolved, in the order they were made. One narrow statement,
 * so the text's first paint never waits for the notes' bodies, reactions and flags.
 */
export function listTextHighlights(documentId: string, viewer: Viewer): Promise<TextHighlightRow[]> {
  return readRows<TextHighlightRow>(Prisma.sql`
    SELECT a.id, a."positionStart" AS start, a."positionEnd" AS "end", COALESCE(a."quoteExact", '') AS exact, a."authorId", a.visibility::text AS visibility, a.status::text AS status
      FROM "Annotation" a
     WHERE ${visibleAnnotationsSql(viewer, { documentId })}
       AND a."parentId" IS NULL AND NOT a.orphaned AND NOT a.resolved
       AND a."positionStart" IS NOT NULL AND a."positionEnd" IS NOT NULL
     ORDER BY a."createdAt", a.id`);
}
