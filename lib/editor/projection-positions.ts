/**
 * Between text-projection offsets (code points, what anchors and selectors speak) and
 * ProseMirror positions (UTF-16 based, what decorations and selections speak), over one doc.
 * Pure: the browser builds one per document state to draw highlights and to turn a selection
 * into a W3C quote; tests build them from JSON.
 */
import type { Node as PMNode } from "@tiptap/pm/model";
import { CodePointIndex } from "../anchoring/codepoints";
import { projectionSegments, type ProjectionSegment } from "./projection";

/** Which edge of a range a position bounds: a start looks forward for text, an end backward. */
export type Edge = "start" | "end";

/** A range of the projection with the words it covers and their context, as a TextQuoteSelector wants. */
export type ProjectionQuote = { start: number; end: number; exact: string; prefix: string; suffix: string };

/** Code points of context taken on each side of a quote (the anchoring core uses the same). */
export const QUOTE_CONTEXT = 32;

const WHITESPACE = /\s/u;

/** Index of the last element of a sorted list whose key is <= value, or -1. */
function lastAtOrBefore<T>(items: readonly T[], key: (item: T) => number, value: number): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (key(items[mid]) <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo - 1;
}

/** The projection of one ProseMirror doc with lookups both ways; stale once the doc changes. */
export class ProjectionPositions {
  readonly segments: ProjectionSegment[];
  /** The projection text (textblocks joined by "\n\n", hard breaks as "\n"). */
  readonly text: string;
  /** Length of the projection in code points. */
  readonly length: number;
  private readonly index: CodePointIndex;
  /** Where text would go in a doc without any textblock segment (an empty doc). */
  private readonly fallbackPos: number;

  constructor(doc: PMNode) {
    this.segments = projectionSegments(doc);
    this.text = this.segments.map((segment) => segment.text).join("");
    this.index = new CodePointIndex(this.text);
    this.length = this.index.length;
    let first = -1;
    doc.descendants((node, pos) => {
      if (first >= 0) return false;
      if (node.isTextblock) first = pos + 1;
      return first < 0;
    });
    this.fallbackPos = first >= 0 ? first : 0;
  }

  /** The projection's code points [start, end), clamped. */
  slice(start: number, end: number): string {
    return this.index.slice(start, end);
  }

  /**
   * ProseMirror position of projection offset `offset` (clamped). Inside or at the edge of the
   * "\n\n" between two blocks, a start goes to the next block's first character and an end to
   * the previous block's last, so a range never spans the gap on its own.
   */
  toPos(offset: number, edge: Edge = "start"): number {
    const segments = this.segments;
    if (segments.length === 0) return this.fallbackPos;
    const o = Math.max(0, Math.min(offset, this.length));
    // A start at a boundary belongs to the segment that begins there, an end to the one that ends there.
    let i = edge === "start" ? lastAtOrBefore(segments, (s) => s.start, o) : lastAtOrBefore(segments, (s) => s.start, o - 1);
    i = Math.max(0, Math.min(i, segments.length - 1));
    const segment = segments[i];
    if (segment.kind === "separator") return edge === "start" ? segment.to : segment.from;
    if (o <= segment.start) return segment.from;
    if (o >= segment.end) return segment.to;
    if (segment.kind === "hardBreak") return segment.from;
    return segment.from + utf16Length(segment.text, o - segment.start);
  }

  /**
   * Projection offset of ProseMirror position `pos`. A position between blocks (or in an empty
   * block) maps to the next block's start for a start and to the previous block's end for an end.
   */
  toOffset(pos: number, edge: Edge = "start"): number {
    const segments = this.segments;
    if (segments.length === 0) return 0;
    if (pos <= segments[0].from) return segments[0].start;
    const last = segments[segments.length - 1];
    if (pos >= last.to) return last.end;
    // The segment whose PM range holds pos; at a shared boundary an end prefers the earlier one.
    let i = lastAtOrBefore(segments, (s) => s.from, edge === "start" ? pos : pos - 1);
    i = Math.max(0, i);
    const segment = segments[i];
    if (segment.kind === "separator") {
      if (pos <= segment.from) return segment.start;
      if (pos >= segment.to) return segment.end;
      return edge === "start" ? segment.end : segment.start;
    }
    if (pos <= segment.from) return segment.start;
    if (pos >= segment.to) return segment.end;
    if (segment.kind === "hardBreak") return edge === "start" ? segment.start : segment.end;
    return segment.start + codePointsIn(segment.text, pos - segment.from, edge);
  }

  /** ProseMirror [from, to) of the projection range [start, end). */
  toRange(start: number, end: number): { from: number; to: number } {
    const from = this.toPos(start, "start");
    return { from, to: Math.max(from, this.toPos(end, "end")) };
  }

  /**
   * The projection range and quote of a ProseMirror selection [from, to), trimmed of the
   * whitespace and block gaps at its edges; null when it holds no visible text.
   */
  quoteOf(from: number, to: number): ProjectionQuote | null {
    let start = this.toOffset(Math.min(from, to), "start");
    let end = this.toOffset(Math.max(from, to), "end");
    while (start < end && WHITESPACE.test(this.slice(start, start + 1))) start++;
    while (end > start && WHITESPACE.test(this.slice(end - 1, end))) end--;
    if (start >= end) return null;
    return this.quoteAt(start, end);
  }

  /** The quote selector fields of the projection range [start, end). */
  quoteAt(start: number, end: number): ProjectionQuote {
    return {
      start,
      end,
      exact: this.slice(start, end),
      prefix: this.slice(Math.max(0, start - QUOTE_CONTEXT), start),
      suffix: this.slice(end, end + QUOTE_CONTEXT),
    };
  }
}

/** UTF-16 length of the first `codePoints` code points of `text`. */
function utf16Length(text: string, codePoints: number): number {
  let units = 0;
  for (let n = 0; n < codePoints && units < text.length; n++) {
    const unit = text.charCodeAt(units);
    const next = text.charCodeAt(units + 1);
    units += unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  }
  return units;
}

/**
 * Code points in the first `units` UTF-16 units of `text`. A cut inside a surrogate pair (which
 * the browser should never report) rounds to the whole character: outwards for either edge.
 */
function codePointsIn(text: string, units: number, edge: Edge): number {
  let count = 0;
  let i = 0;
  while (i < units) {
    const unit = text.charCodeAt(i);
    const next = text.charCodeAt(i + 1);
    const pair = unit >= 0xd800 && unit <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
    if (pair && i + 1 === units) return edge === "start" ? count : count + 1;
    i += pair ? 2 : 1;
    count++;
  }
  return count;
}
