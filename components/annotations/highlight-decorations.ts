/**
 * What the text draws of the highlights: ProseMirror inline decorations, <span class="anno-hl">
 * with the tints of the server-rendered text (annotations.css), for the pieces near the viewport
 * only. As decorations, a keystroke re-renders the one paragraph it changed; the CSS Custom
 * Highlight API would have the browser rebuild and repaint every highlighted line on screen on
 * every change of the text, a cost that grew with the number of notes.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { Decoration, DecorationSet } from "@tiptap/pm/view";
import type { HighlightSegment } from "@/lib/editor/highlight-segments";

/** A drawn piece with a stable key that survives mapping through edits. */
export type KeyedSegment = HighlightSegment & { key: number };

/** A stretch of the document, in ProseMirror positions. */
export type Span = { from: number; to: number };

/** The focused thread's words, drawn one step deeper with a line under them. */
export type ActiveRange = Span & { mine: boolean };

/** Index of the first segment (sorted, disjoint) ending after `pos`. */
export function firstEndingAfter(segments: readonly Span[], pos: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].to <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The segments (sorted, disjoint) that reach into `window`, edges included; none for an empty window (to < from). */
export function segmentsInWindow<T extends Span>(segments: readonly T[], window: Span): T[] {
  if (window.to < window.from) return [];
  const shown: T[] = [];
  for (let i = firstEndingAfter(segments, window.from); i < segments.length && segments[i].from <= window.to; i++) shown.push(segments[i]);
  return shown;
}

/** The attributes of one piece's <span>: the tint (depth, whose), its line, and its annotations for inspection. */
export function segmentAttributes(segment: HighlightSegment): Record<string, string> {
  const attrs: Record<string, string> = { class: "anno-hl", "data-depth": String(segment.depth), "data-annotation-ids": segment.ids.join(" ") };
  if (segment.ids.includes("draft")) attrs["data-draft"] = "";
  else if (segment.mine) attrs["data-mine"] = "";
  if (segment.pending) attrs["data-pending"] = "";
  else if (segment.private) attrs["data-private"] = "";
  return attrs;
}

/**
 * The decorations for the pieces within `window` and for the focused thread's words (wherever
 * they are: one decoration). Positions past the end of `doc` are clipped.
 */
export function highlightDecorations(doc: PMNode, segments: readonly KeyedSegment[], window: Span, active: ActiveRange | null): DecorationSet {
  const size = doc.content.size;
  const decorations: Decoration[] = [];
  let previousTo = -1;
  for (const segment of segmentsInWindow(segments, window)) {
    const to = Math.min(segment.to, size);
    // Text typed where two pieces touch joins the right one, as mapSegments has it: mapped through an edit, the decorations stay the pieces.
    if (to > segment.from) decorations.push(Decoration.inline(segment.from, to, segmentAttributes(segment), { inclusiveStart: segment.from === previousTo }));
    previousTo = segment.to;
  }
  if (active && Math.min(active.to, size) > active.from) {
    decorations.push(Decoration.inline(active.from, Math.min(active.to, size), { class: active.mine ? "anno-active-mine" : "anno-active" }));
  }
  return decorations.length ? DecorationSet.create(doc, decorations) : DecorationSet.empty;
}
