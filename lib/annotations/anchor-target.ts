import type * as Y from "yjs";
import { createAnchor, resolveAnchors, type Anchor } from "../anchoring/anchors";
import { buildProjectionMap, type ProjectionMap } from "../anchoring/projection-map";
import type { QuoteFailure, QuoteMatch } from "../anchoring/quote";
import { ConflictError, UnprocessableError } from "../errors";
import type { TextTarget } from "../validation/annotation";
import { withDocumentState } from "./document-text";
import { findQuote, findQuoteInline } from "./find-quote";

/** What an anchored annotation stores: the Yjs anchor and its current W3C selectors. */
export type AnchoredTarget = {
  anchor: Anchor;
  exact: string;
  prefix: string;
  suffix: string;
  start: number;
  end: number;
  method: "position" | "quote" | "approximate";
};

// Searches off the event loop that live edits may outdate before the text is given up on.
const ATTEMPTS = 3;

// The projection of each document state, until it changes: an import anchors thousands of
// annotations on one state, and a 2 MB text takes ~100 ms to project.
const projections = new WeakMap<Y.Doc, ProjectionMap>();

function projectionOf(doc: Y.Doc): ProjectionMap {
  let map = projections.get(doc);
  if (!map) {
    map = buildProjectionMap(doc);
    projections.set(doc, map);
    doc.once("update", () => projections.delete(doc));
  }
  return map;
}

/** Ties a found place to the characters of `doc`; 422 when the quote was not found or holds no text. */
function tie(doc: Y.Doc, map: ProjectionMap, match: QuoteMatch | QuoteFailure): AnchoredTarget {
  if ("error" in match) {
    if (match.error === "ambiguous") throw new UnprocessableError("The quoted words occur more than once; add a prefix, a suffix or a TextPositionSelector to say which", "quote_ambiguous");
    throw new UnprocessableError("The quoted words are not in the document's text", "quote_not_found");
  }
  let anchor: Anchor;
  try {
    anchor = createAnchor(doc, match.start, match.end, map);
  } catch (error) {
    if (error instanceof RangeError) throw new UnprocessableError("The quoted passage holds no text to annotate", "quote_empty");
    throw error;
  }
  const [resolved] = resolveAnchors(doc, [anchor], map);
  if (resolved.orphaned) throw new UnprocessableError("The quoted words are not in the document's text", "quote_not_found");
  return { anchor, exact: resolved.exact, prefix: resolved.prefix, suffix: resolved.suffix, start: resolved.start, end: resolved.end, method: match.method };
}

/**
 * Finds a posted target in the server's own copy of the document's text (never trusting a
 * client's positions blindly) and ties it to the characters there. 422 when the quote is absent,
 * ambiguous, only matches below the confidence threshold, or takes too long to find. A search
 * that cannot be cheap runs off the event loop (find-quote.ts); if live edits change the text
 * meanwhile, its place is stale and the search runs again. `state` is a document state already
 * loaded (an import's), else the current one is.
 */
export function anchorTarget(documentId: string, target: TextTarget, state?: Y.Doc): Promise<AnchoredTarget> {
  return state ? anchorIn(state, target) : withDocumentState(documentId, (doc) => anchorIn(doc, target));
}

async function anchorIn(doc: Y.Doc, target: TextTarget): Promise<AnchoredTarget> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const map = projectionOf(doc);
    const quick = findQuoteInline(map.text, target);
    if (quick) return tie(doc, map, quick);
    let changed = false;
    const onUpdate = () => {
      changed = true;
    };
    doc.on("update", onUpdate);
    try {
      const match = await findQuote(map.text, target);
      if (!changed) return tie(doc, map, match);
    } finally {
      doc.off("update", onUpdate);
    }
  }
  throw new ConflictError("The document's text kept changing while the quoted words were searched; try again", "text_changed");
}
