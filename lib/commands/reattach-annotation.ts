import "server-only";
import type * as Y from "yjs";
import { createAnchor, resolveAnchors } from "../anchoring/anchors";
import { buildProjectionMap } from "../anchoring/projection-map";
import { anchorQuote, type QuoteSelector } from "../anchoring/quote";
import { withDocumentState } from "../annotations/document-text";
import { publishAnnotationEvents } from "../annotations/events";
import { db } from "../db";
import { ConflictError, NotFoundError, UnprocessableError } from "../errors";
import { authorize } from "../policies";
import { initialStatus, isAnnotationVisibleTo } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { loadDocumentForViewer } from "../queries/document-access";
import { parseInput } from "../validation/parse";
import { reattachInput } from "../validation/reattach";

/**
 * The exact words of `selector` in the text, tied to their characters. Only an exact match is
 * accepted (at the given position, else the quote told apart by its context): re-attaching must
 * never put a note on words that merely look alike.
 */
function findExactly(doc: Y.Doc, selector: QuoteSelector) {
  const map = buildProjectionMap(doc);
  const match = anchorQuote(map.text, selector);
  if ("error" in match && match.error === "ambiguous") throw new UnprocessableError("These words occur more than once in the text: select the ones to attach the note to", "quote_ambiguous");
  if ("error" in match || match.method === "approximate") throw new UnprocessableError("These exact words are not in the text", "quote_not_found");
  let anchor;
  try {
    anchor = createAnchor(doc, match.start, match.end, map);
  } catch (error) {
    if (error instanceof RangeError) throw new UnprocessableError("The selected passage holds no text to annotate", "quote_empty");
    throw error;
  }
  const [resolved] = resolveAnchors(doc, [anchor], map);
  if (resolved.orphaned) throw new UnprocessableError("These exact words are not in the text", "quote_not_found");
  return { anchor, ...resolved };
}

/**
 * Ties an orphaned annotation (its words were deleted) to the text again: to its stored quote
 * found again, or to the words the reader selected. Its author (while they may post) or a
 * moderator; only orphans, only exact words. Live pages and the collaboration server hear
 * `annotation.updated` and track the new anchor from then on. Attaching an approved note to
 * other words in a pre-moderated group sends it back to pending, as editing its target does.
 */
export default async function reattachAnnotation(opts: { actorId: string; annotationId: string; input: unknown }) {
  const input = parseInput(reattachInput, opts.input);
  const current = await db().annotation.findUnique({ where: { id: opts.annotationId }, include: annotationInclude });
  if (!current) throw new NotFoundError("Annotation");
  const { document, viewer } = await loadDocumentForViewer(current.documentId, opts.actorId);
  if (!isAnnotationVisibleTo(viewer, current)) throw new NotFoundError("Annotation");
  if (current.threadId !== null || current.anchorStart === null) throw new UnprocessableError("Only an annotation on the text can be re-attached; a reply follows its thread", "not_anchored");
  authorize(viewer, "annotation.reattach", current);
  if (!current.orphaned) throw new ConflictError("The annotation is on the text: only an orphaned annotation can be re-attached", "not_orphaned");

  const selector: QuoteSelector =
    input.method === "quote"
      ? { exact: current.quoteExact ?? "", prefix: current.quotePrefix ?? undefined, suffix: current.quoteSuffix ?? undefined }
      : { exact: input.exact, prefix: input.prefix, suffix: input.suffix, start: input.start, end: input.end };
  const found = await withDocumentState(document.id, (doc) => findExactly(doc, selector));
  const moved = found.exact !== current.quoteExact;
  const status = moved && current.status === "approved" ? initialStatus(viewer, document.group.moderation) : current.status;

  const annotation = await db().$transaction(async (tx) => {
    const { count } = await tx.annotation.updateMany({
      where: { id: current.id, deletedAt: null, orphaned: true },
      data: {
        anchorStart: Buffer.from(found.anchor.start),
        anchorEnd: Buffer.from(found.anchor.end),
        quoteExact: found.exact,
        quotePrefix: found.prefix,
        quoteSuffix: found.suffix,
        positionStart: found.start,
        positionEnd: found.end,
        orphaned: false,
        status,
        version: { increment: 1 },
      },
    });
    if (count === 0) throw new ConflictError("The annotation changed meanwhile: it is no longer an orphan", "not_orphaned");
    return tx.annotation.findUniqueOrThrow({ where: { id: current.id }, include: annotationInclude });
  });
  publishAnnotationEvents([{ type: "annotation.updated", documentId: document.id, annotationId: annotation.id, before: current }]);
  return { annotation, viewer };
}
