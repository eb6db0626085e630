/**
 * The ProseMirror plugin that keeps annotation highlights on their words between two anchor
 * recomputes: it holds where each tracked annotation is (ProseMirror positions) and the drawn
 * pieces, maps both through every edit (local ones exactly, y-tiptap's whole-document remote
 * replacements by their difference: doc-change-mapping.ts) and has HighlightPainter redraw only
 * what an edit touched. AnchorTracker replaces the whole state after it re-resolved the anchors.
 */
import { StepMap, type Mappable } from "@tiptap/pm/transform";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import { changeMapping, diffMapping, touchedRanges } from "./doc-change-mapping";
import { HighlightPainter, supportsCustomHighlights, type KeyedSegment } from "./highlight-painter";
import { segmentAt } from "@/lib/editor/highlight-segments";

/** Where a tracked annotation is in the editor's document now. */
export type PositionRange = { from: number; to: number };

export type HighlightState = {
  /** Every annotation on the text (drawn or filtered out), by id. */
  ranges: ReadonlyMap<string, PositionRange>;
  /** The drawn pieces, in document order. */
  segments: readonly KeyedSegment[];
  activeId: string | null;
  /** Whose words are drawn as the viewer's own (for the focused thread's colour). */
  mine: ReadonlySet<string>;
  /** What the last transaction changed, for the painter: "all" after a replacement of the state. */
  touched: readonly PositionRange[] | "all";
};

type Meta =
  | { type: "set"; ranges: ReadonlyMap<string, PositionRange>; segments: readonly KeyedSegment[]; mine: ReadonlySet<string> }
  | { type: "active"; id: string | null }
  | { type: "repaint" };

export const highlightPluginKey = new PluginKey<HighlightState>("annotationHighlights");

const empty: HighlightState = { ranges: new Map(), segments: [], activeId: null, mine: new Set(), touched: "all" };

/**
 * The lowest position (of the document before `mapping`) that any of its steps touches: what lies
 * before it keeps its position. 0 when that cannot be told.
 */
export function firstTouched(mapping: Mappable): number {
  const maps = mapping instanceof StepMap ? [mapping] : "maps" in mapping ? (mapping as { maps: readonly StepMap[] }).maps : null;
  if (!maps) return 0;
  let first = Infinity;
  for (const map of maps) {
    map.forEach((oldStart) => {
      if (oldStart < first) first = oldStart;
    });
  }
  return first;
}

/** Maps the ranges through `mapping`: an edge typed at stays outside; a range whose words are all gone is dropped. */
export function mapRanges(ranges: ReadonlyMap<string, PositionRange>, mapping: Mappable): Map<string, PositionRange> {
  const next = new Map<string, PositionRange>();
  // Ranges ending before the edit keep their object: only those after it are mapped.
  const untouched = firstTouched(mapping);
  for (const [id, range] of ranges) {
    if (range.to < untouched) {
      next.set(id, range);
      continue;
    }
    const from = mapping.map(range.from, 1);
    const to = mapping.map(range.to, -1);
    if (to > from) next.set(id, from === range.from && to === range.to ? range : { from, to });
  }
  return next;
}

/** Maps drawn pieces through `mapping`, keeping touching pieces touching (text typed between them joins the right one). */
export function mapSegments(segments: readonly KeyedSegment[], mapping: Mappable): KeyedSegment[] {
  // Pieces (ordered, disjoint) ending before the edit stay as they are.
  const untouched = firstTouched(mapping);
  let lo = 0;
  let hi = segments.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].to < untouched) lo = mid + 1;
    else hi = mid;
  }
  const next: KeyedSegment[] = segments.slice(0, lo);
  let previousTo = lo > 0 ? segments[lo - 1].to : -1;
  let previousMapped = previousTo;
  for (let i = lo; i < segments.length; i++) {
    const segment = segments[i];
    const to = mapping.map(segment.to, -1);
    const from = segment.from === previousTo ? previousMapped : mapping.map(segment.from, 1);
    previousTo = segment.to;
    previousMapped = to;
    if (to > from) next.push(from === segment.from && to === segment.to ? segment : { ...segment, from, to });
  }
  return next;
}

function apply(tr: Transaction, state: HighlightState): HighlightState {
  const meta = tr.getMeta(highlightPluginKey) as Meta | undefined;
  if (meta?.type === "set") return { ...state, ranges: meta.ranges, segments: meta.segments, mine: meta.mine, touched: "all" };
  if (meta?.type === "active") return { ...state, activeId: meta.id, touched: [] };
  if (meta?.type === "repaint") return { ...state, touched: "all" };
  if (!tr.docChanged) return state.touched !== "all" && state.touched.length === 0 ? state : { ...state, touched: [] };
  const mapping = changeMapping(tr);
  return { ...state, ranges: mapRanges(state.ranges, mapping), segments: mapSegments(state.segments, mapping), touched: touchedRanges(mapping, tr.doc) };
}

/** How far beyond the viewport highlights are drawn, in viewport heights: the browser's highlight work grows with the ranges registered, and scrolling moves the window before the next frame. */
const DRAW_MARGIN = 0.5;

class PainterView {
  private painter: HighlightPainter | null;
  private activeKey = "";
  /** The stretch of the document drawn: the viewport and DRAW_MARGIN around it, in positions. */
  private window: PositionRange = { from: 0, to: -1 };
  private frame = 0;
  private resize: ResizeObserver | null = null;
  private readonly onScroll = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.moveWindow());
  };

  constructor(private view: EditorView) {
    this.painter = supportsCustomHighlights() ? new HighlightPainter(view) : null;
    if (!this.painter) return;
    window.addEventListener("scroll", this.onScroll, { passive: true });
    window.addEventListener("resize", this.onScroll);
    // Shown (the editor is hidden until synced) or reflowed: read the window again.
    this.resize = new ResizeObserver(this.onScroll);
    this.resize.observe(view.dom);
    this.onScroll();
    this.update(view, null);
  }

  /** Reads which positions are near the viewport (a layout read: only after scrolling, in a frame callback). */
  private moveWindow() {
    this.frame = 0;
    const { view, painter } = this;
    if (!painter || view.isDestroyed) return;
    const box = view.dom.getBoundingClientRect();
    const margin = window.innerHeight * DRAW_MARGIN;
    const top = Math.max(box.top + 1, -margin);
    const bottom = Math.min(box.bottom - 1, window.innerHeight + margin);
    const size = view.state.doc.content.size;
    const next =
      bottom <= top
        ? { from: 0, to: -1 }
        : {
            from: top <= box.top + 1 ? 0 : (view.posAtCoords({ left: box.left + 1, top })?.pos ?? 0),
            to: bottom >= box.bottom - 1 ? size : (view.posAtCoords({ left: box.right - 1, top: bottom })?.pos ?? size),
          };
    if (next.from === this.window.from && next.to === this.window.to) return;
    this.window = next;
    const state = highlightPluginKey.getState(view.state)!;
    painter.paint(state.segments, [], this.window);
  }

  update(view: EditorView, previous: EditorState | null) {
    const painter = this.painter;
    if (!painter) return;
    const state = highlightPluginKey.getState(view.state)!;
    const before = previous ? highlightPluginKey.getState(previous) : null;
    if (previous && previous.doc !== view.state.doc && this.window.to >= 0) {
      // Edits move the window's edges with the text (a view update may span several transactions); a scroll reads them again.
      const mapping = diffMapping(previous.doc, view.state.doc);
      this.window = { from: mapping.map(this.window.from, -1), to: mapping.map(this.window.to, 1) };
    }
    // Every update: ProseMirror may have redrawn a paragraph (a caret passing through) without an edit.
    painter.paint(state.segments, state !== before ? state.touched : [], this.window);
    const active = state.activeId ? state.ranges.get(state.activeId) : undefined;
    const key = active ? `${state.activeId} ${active.from} ${active.to}` : "";
    // Redraw the focused thread's words when they moved, changed, or an edit touched them.
    const touchedActive = active && state.touched !== "all" && state.touched.some((t) => t.from <= active.to && active.from <= t.to);
    if (key !== this.activeKey || state.touched === "all" || touchedActive || painter.activeIsStale()) {
      this.activeKey = key;
      painter.paintActive(active && state.activeId ? { ...active, id: state.activeId, mine: state.mine.has(state.activeId) } : null);
    }
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resize?.disconnect();
    window.removeEventListener("scroll", this.onScroll);
    window.removeEventListener("resize", this.onScroll);
    this.painter?.destroy();
    this.painter = null;
  }
}


export function createHighlightPlugin(onClick: (view: EditorView, pos: number, event: MouseEvent) => boolean) {
  return new Plugin<HighlightState>({
    key: highlightPluginKey,
    state: { init: () => empty, apply },
    view: (view) => new PainterView(view),
    props: { handleClick: (view, pos, event) => onClick(view, pos, event) },
  });
}

/** The annotations under a position, innermost first. */
export function highlightIdsAt(state: EditorState, pos: number): string[] {
  const highlights = highlightPluginKey.getState(state);
  return highlights ? (segmentAt(highlights.segments, pos)?.ids ?? []) : [];
}

/** Replaces what is tracked and drawn; a meta-only transaction, so it is no edit and no undo step. */
export function setHighlights(view: EditorView, ranges: ReadonlyMap<string, PositionRange>, segments: readonly KeyedSegment[], mine: ReadonlySet<string>) {
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, { type: "set", ranges, segments, mine } satisfies Meta).setMeta("addToHistory", false));
}

/** Draws every piece near the viewport anew (after edits settle: whatever the DOM did meanwhile, the drawing is exact again). */
export function repaintHighlights(view: EditorView) {
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, { type: "repaint" } satisfies Meta).setMeta("addToHistory", false));
}

/** Marks the focused thread's words. */
export function setActiveHighlight(view: EditorView, id: string | null) {
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, { type: "active", id } satisfies Meta).setMeta("addToHistory", false));
}
