import type * as Y from "yjs";
import { collapsedAt, createAnchor, resolveAnchors, type Anchor } from "../anchoring/anchors";
import { buildProjectionMap, type ProjectionMap } from "../anchoring/projection-map";

/** An annotation's anchor and the selectors last stored for it. */
export type StoredAnchor = {
  id: string;
  anchor: Anchor;
  start: number | null;
  end: number | null;
  exact: string;
  prefix: string;
  suffix: string;
  orphaned: boolean;
};

/** What changed for one annotation; `anchor` is set when it was re-tied to re-created characters. */
export type AnchorChange = StoredAnchor & { quoteChanged: boolean; orphanChanged: boolean; anchorChanged: boolean };

// Context compared when re-tying a quote to characters the editor re-created (whitespace removed).
const RESCUE_CONTEXT = 16;
// How far from its last place a re-created quote may be found.
const RESCUE_DISTANCE = 64;
// How far from the spot an orphan's words were deleted at their return may start or end (a block break).
const RETURN_SLACK = 2;

// Paragraph breaks come and go with Enter and Backspace: surroundings are compared without whitespace.
const fold = (s: string) => s.replace(/\s+/g, "");

/**
 * Where the words went when the editor re-created them: y-tiptap rewrites the characters after
 * the cursor on a paragraph split or join, and an undo re-inserts deleted words as new
 * characters, so their anchor sees them deleted although the same words sit right there.
 * Accepted only for the exact quote within [from, to) (code points) with the same surrounding
 * words on both sides (whitespace ignored, so a paragraph break made or removed still matches),
 * and only if exactly one place qualifies; anything less stays orphaned — never moved onto other words.
 */
function rescue(map: ProjectionMap, last: StoredAnchor, window: { from: number; to: number }): { start: number; end: number } | null {
  if (!last.exact) return null;
  const text = map.text;
  const wantPrefix = fold(last.prefix).slice(-RESCUE_CONTEXT);
  const wantSuffix = fold(last.suffix).slice(0, RESCUE_CONTEXT);
  const from = map.toUtf16(Math.max(0, window.from));
  const to = map.toUtf16(Math.min(map.length, window.to));
  let found: { start: number; end: number } | null = null;
  for (let unit = text.indexOf(last.exact, from); unit >= 0 && unit + last.exact.length <= to; unit = text.indexOf(last.exact, unit + 1)) {
    const start = map.toCodePoint(unit);
    const end = map.toCodePoint(unit + last.exact.length);
    const before = fold(map.slice(Math.max(0, start - RESCUE_CONTEXT * 4), start));
    const prefix = before.slice(before.length - wantPrefix.length);
    const suffix = fold(map.slice(end, end + RESCUE_CONTEXT * 4)).slice(0, wantSuffix.length);
    if (prefix !== wantPrefix || suffix !== wantSuffix) continue;
    if (found) return null;
    found = { start, end };
  }
  return found;
}

/**
 * The window a lost quote may be found again in: near its last place when it was just lost, or,
 * for an orphan, touching the spot where its characters were deleted (an undo puts them back there).
 */
function rescueWindow(doc: Y.Doc, map: ProjectionMap, last: StoredAnchor): { from: number; to: number } | null {
  const length = [...last.exact].length;
  if (!last.orphaned) return last.start === null ? null : { from: last.start - RESCUE_DISTANCE, to: last.start + RESCUE_DISTANCE + length };
  const at = collapsedAt(doc, last.anchor, map);
  return at === null ? null : { from: at - length - RETURN_SLACK, to: at + length + RETURN_SLACK };
}

/** Resolves every stored anchor against the document and returns those whose selectors changed. */
export function reanchor(doc: Y.Doc, stored: readonly StoredAnchor[]): AnchorChange[] {
  if (stored.length === 0) return [];
  const map = buildProjectionMap(doc);
  const resolved = resolveAnchors(doc, stored.map((s) => s.anchor), map);
  const changes: AnchorChange[] = [];
  stored.forEach((last, i) => {
    let now = resolved[i];
    let anchor = last.anchor;
    if (now.orphaned) {
      const window = rescueWindow(doc, map, last);
      const place = window && rescue(map, last, window);
      if (place) {
        anchor = createAnchor(doc, place.start, place.end, map);
        // Creating an anchor changes nothing in the document: the map still holds.
        [now] = resolveAnchors(doc, [anchor], map);
      }
    }
    if (now.orphaned) {
      if (!last.orphaned) changes.push({ ...last, start: null, end: null, orphaned: true, quoteChanged: false, orphanChanged: true, anchorChanged: false });
      return;
    }
    const same = !last.orphaned && now.start === last.start && now.end === last.end && now.exact === last.exact && now.prefix === last.prefix && now.suffix === last.suffix;
    if (same && anchor === last.anchor) return;
    changes.push({
      id: last.id,
      anchor,
      start: now.start,
      end: now.end,
      exact: now.exact,
      prefix: now.prefix,
      suffix: now.suffix,
      orphaned: false,
      quoteChanged: now.exact !== last.exact,
      orphanChanged: last.orphaned,
      anchorChanged: anchor !== last.anchor,
    });
  });
  return changes;
}
