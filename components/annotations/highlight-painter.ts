/**
 * Draws annotation highlights with the CSS Custom Highlight API: DOM ranges registered under a
 * few names (`::highlight(anno-others-1)` …, styled in annotations.css), so a thousand highlights
 * add no element to the text, cost ProseMirror no re-render, and leave the text's layout alone.
 *
 * Ranges are live DOM ranges: after an edit only the pieces in the blocks the edit touched (and
 * any whose text node was replaced) get new ranges; the rest keep theirs. Only the pieces within
 * a screen or two of the viewport are registered, so the browser's highlight work per frame does
 * not grow with the number of notes.
 */
import type { EditorView } from "@tiptap/pm/view";
import type { HighlightSegment } from "@/lib/editor/highlight-segments";

/** A drawn piece with a stable key that survives mapping through edits. */
export type KeyedSegment = HighlightSegment & { key: number };

/** A range drawn for some annotations; `annotationIds` is for inspection (tests, devtools). */
export type AnnotationRange = Range & { annotationIds: readonly string[] };

/** A drawn piece: its range and the nodes it was set in (ProseMirror replaces nodes when it redraws a paragraph). */
type Drawn = { range: AnnotationRange; names: string[]; start: Node; end: Node };

const TINT_PRIORITY = 0;
const LINE_PRIORITY = 1;
const ACTIVE_PRIORITY = 2;

/** The highlight names one piece is drawn under: a tint (by depth and owner) and, maybe, a line. */
export function highlightNames(segment: HighlightSegment): string[] {
  const names = [segment.ids.includes("draft") ? "anno-draft" : `anno-${segment.mine ? "mine" : "others"}-${segment.depth}`];
  if (segment.pending) names.push("anno-pending");
  else if (segment.private) names.push("anno-private");
  return names;
}

/** Whether this browser can draw highlights without elements. */
export function supportsCustomHighlights(): boolean {
  return typeof CSS !== "undefined" && "highlights" in CSS && typeof Highlight !== "undefined";
}

export class HighlightPainter {
  private drawn = new Map<number, Drawn>();
  private registry = new Map<string, Highlight>();
  private active: AnnotationRange | null = null;
  private activeNodes: [Node, Node] | null = null;
  private activeName: string | null = null;

  constructor(private view: EditorView) {}

  private highlight(name: string): Highlight {
    let highlight = this.registry.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = name.startsWith("anno-active") ? ACTIVE_PRIORITY : name === "anno-private" || name === "anno-pending" ? LINE_PRIORITY : TINT_PRIORITY;
      this.registry.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
    return highlight;
  }

  private rangeFor(from: number, to: number, ids: readonly string[]): AnnotationRange | null {
    try {
      const start = this.view.domAtPos(from, 1);
      const end = this.view.domAtPos(to, -1);
      const range = document.createRange();
      range.setStart(start.node, start.offset);
      range.setEnd(end.node, end.offset);
      return Object.assign(range, { annotationIds: ids });
    } catch {
      // A position the view cannot show right now (mid-update): drawn at the next change.
      return null;
    }
  }

  private undraw(entry: Drawn) {
    for (const name of entry.names) this.registry.get(name)?.delete(entry.range);
  }

  /**
   * Brings the drawing up to `segments` after any view update: new pieces, pieces intersecting
   * `touched` (new positions), and pieces whose nodes ProseMirror replaced (an edit, a caret
   * widget moving through a paragraph) are drawn anew; "all" redraws everything. A piece's key
   * stands for its annotations and look, so an unchanged key keeps its highlight names.
   */
  paint(segments: readonly KeyedSegment[], touched: readonly { from: number; to: number }[] | "all", window: { from: number; to: number } = { from: 0, to: Infinity }) {
    const seen = new Set<number>();
    // Only the pieces near the viewport are drawn: the browser's work per frame stays that of a screenful.
    const first = firstEndingAfter(segments, window.from);
    for (let i = first; i < segments.length && segments[i].from <= window.to; i++) {
      const segment = segments[i];
      seen.add(segment.key);
      const old = this.drawn.get(segment.key);
      const stale =
        !old ||
        touched === "all" ||
        intersects(touched, segment.from, segment.to) ||
        !old.start.isConnected ||
        !old.end.isConnected ||
        old.range.startContainer !== old.start ||
        old.range.endContainer !== old.end ||
        // Text replaced in place (a text node's value set anew) collapses the live ranges inside it.
        old.range.collapsed;
      if (!stale) continue;
      if (old) this.undraw(old);
      const range = this.rangeFor(segment.from, segment.to, segment.ids);
      if (!range) {
        this.drawn.delete(segment.key);
        continue;
      }
      const names = highlightNames(segment);
      for (const name of names) this.highlight(name).add(range);
      this.drawn.set(segment.key, { range, names, start: range.startContainer, end: range.endContainer });
    }
    for (const [key, entry] of this.drawn) {
      if (seen.has(key)) continue;
      this.undraw(entry);
      this.drawn.delete(key);
    }
  }

  /** The focused thread's words, drawn one step deeper with a line under them. */
  paintActive(range: { from: number; to: number; mine: boolean; id: string } | null) {
    if (this.active && this.activeName) this.registry.get(this.activeName)?.delete(this.active);
    this.active = null;
    this.activeName = null;
    if (!range || range.to <= range.from) return;
    const drawn = this.rangeFor(range.from, range.to, [range.id]);
    if (!drawn) return;
    this.activeName = range.mine ? "anno-active-mine" : "anno-active";
    this.active = drawn;
    this.activeNodes = [drawn.startContainer, drawn.endContainer];
    this.highlight(this.activeName).add(drawn);
  }

  /** Whether ProseMirror replaced the nodes the focused thread's range was set in. */
  activeIsStale(): boolean {
    const range = this.active;
    const nodes = this.activeNodes;
    if (!range || !nodes) return false;
    return !nodes[0].isConnected || !nodes[1].isConnected || range.startContainer !== nodes[0] || range.endContainer !== nodes[1];
  }

  destroy() {
    for (const [name, highlight] of this.registry) {
      // Only ours: another editor on the page may have registered the same names since.
      if (CSS.highlights.get(name) === highlight) CSS.highlights.delete(name);
    }
    this.registry.clear();
    this.drawn.clear();
  }
}

/** Index of the first segment (sorted, disjoint) ending after `pos`. */
function firstEndingAfter(segments: readonly { to: number }[], pos: number): number {
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].to <= pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function intersects(spans: readonly { from: number; to: number }[], from: number, to: number): boolean {
  for (const span of spans) if (span.from <= to && from <= span.to) return true;
  return false;
}
