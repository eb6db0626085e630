import type * as Y from "yjs";
import { createAnchor, resolveAnchors, type Anchor } from "../anchoring/anchors";
import { buildProjectionMap } from "../anchoring/projection-map";
import { anchorQuote } from "../anchoring/quote";
import { UnprocessableError } from "../errors";
import type { TextTarget } from "../validation/annotation";

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

/**
 * Finds a posted target in the server's own copy of the text (never trusting a client's
 * positions blindly) and ties it to the characters there. 422 when the quote is absent,
 * ambiguous, or only matches below the confidence threshold.
 */
export function anchorTarget(doc: Y.Doc, target: TextTarget): AnchoredTarget {
  const map = buildProjectionMap(doc);
  const match = anchorQuote(map.text, target);
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
  const [resolved] = resolveAnchors(doc, [anchor]);
  if (resolved.orphaned) throw new UnprocessableError("The quoted words are not in the document's text", "quote_not_found");
  return { anchor, exact: resolved.exact, prefix: resolved.prefix, suffix: resolved.suffix, start: resolved.start, end: resolved.end, method: match.method };
}
