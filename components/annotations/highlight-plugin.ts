/**
 * The ProseMirror plugin that keeps annotation highlights on their words between two anchor
 * recomputes: it holds where each tracked annotation is (ProseMirror positions) and the drawn
 * pieces, maps both through every edit (local ones exactly, y-tiptap's whole-document remote
 * replacements by their difference: doc-change-mapping.ts) and draws the pieces near the viewport
 * as decorations (highlight-decorations.ts). AnchorTracker replaces the whole state after it
 * re-resolved the anchors.
 */
import { StepMap, type Mappable } from "@tiptap/pm/transform";
import type { Node as PMNode } from "@tiptap/pm/model";
import { Plugin, PluginKey, type EditorState, type Transaction } from "@tiptap/pm/state";
import { DecorationSet, type EditorView } from "@tiptap/pm/view";
import { changeMapping } from "./doc-change-mapping";
import { highlightDecorations, type KeyedSegment } from "./highlight-decorations";
import { segmentAt } from "@/lib/editor/highlight-segments";

/** Where a tracked annotation is in the editor's document now. */
export type PositionRange = { from: number; to: number };

export type HighlightState = {
  /** Every annotation on the text (drawn or filtered out), by id. */
  ranges: ReadonlyMap<string, PositionRange>;
  /** The pieces to draw, in document order (only those in `window` are drawn). */
  segments: readonly KeyedSegment[];
  activeId: string | null;
  /** Whose words are drawn as the viewer's own (for the focused thread's colour). */
  mine: ReadonlySet<string>;
  /** The stretch drawn: whole blocks around the viewport (to < from: none yet, the view has not measured it). */
  window: PositionRange;
  decorations: DecorationSet;
};

type Meta =
  | { type: "set"; ranges: ReadonlyMap<string, PositionRange>; segments: readonly KeyedSegment[]; mine: ReadonlySet<string> }
  | { type: "active"; id: string | null }
  | { type: "window"; window: PositionRange };

export const highlightPluginKey = new PluginKey<HighlightState>("annotationHighlights");

const empty: HighlightState = { ranges: new Map(), segments: [], activeId: null, mine: new Set(), window: { from: 0, to: -1 }, decorations: DecorationSet.empty };

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

/** The state with its decorations drawn anew from its pieces, window and focused thread. */
function drawn(state: HighlightState, doc: PMNode): HighlightState {
  const range = state.activeId ? state.ranges.get(state.activeId) : undefined;
  const active = range && state.activeId ? { ...range, mine: state.mine.has(state.activeId) } : null;
  return { ...state, decorations: highlightDecorations(doc, state.segments, state.window, active) };
}

function apply(tr: Transaction, state: HighlightState): HighlightState {
  const meta = tr.getMeta(highlightPluginKey) as Meta | undefined;
  if (meta?.type === "set") return drawn({ ...state, ranges: meta.ranges, segments: meta.segments, mine: meta.mine }, tr.doc);
  if (meta?.type === "active") return drawn({ ...state, activeId: meta.id }, tr.doc);
  if (meta?.type === "window") return drawn({ ...state, window: meta.window }, tr.doc);
  if (!tr.docChanged) return state;
  const mapping = changeMapping(tr);
  // The window's edges move with the text; scrolling measures them again.
  const window = state.window.to < state.window.from ? state.window : { from: mapping.map(state.window.from, -1), to: mapping.map(state.window.to, 1) };
  const next = { ...state, ranges: mapRanges(state.ranges, mapping), segments: mapSegments(state.segments, mapping), window };
  // A local edit maps the decorations as the pieces map (what it did not touch keeps its objects); a remote one, mapped by its difference, draws them anew.
  return mapping === tr.mapping ? { ...next, decorations: state.decorations.map(tr.mapping, tr.doc) } : drawn(next, tr.doc);
}

/** How far beyond the viewport highlights are drawn, in viewport heights: every drawn piece is an element, and scrolling moves the window a frame late. */
const DRAW_MARGIN = 0.5;

/**
 * The stretch of `doc` to draw for a viewport: from the start of the block at `top` to the end
 * of the block at `bottom` (positions, null: beyond that end of the text), so the window moves
 * only when scrolling brings another block in.
 */
export function windowAround(doc: PMNode, top: number | null, bottom: number | null): PositionRange {
  const size = doc.content.size;
  const edge = (pos: number, side: "before" | "after") => {
    const $pos = doc.resolve(Math.max(0, Math.min(pos, size)));
    return $pos.depth > 0 ? $pos[side](1) : $pos.pos;
  };
  return { from: top === null ? 0 : edge(top, "before"), to: bottom === null ? size : edge(bottom, "after") };
}

/** Follows the viewport: measures which blocks are near it after scrolling or a reflow, in a frame callback. */
class WindowView {
  private frame = 0;
  private readonly resize: ResizeObserver;
  private readonly onScroll = () => {
    if (!this.frame) this.frame = requestAnimationFrame(() => this.measure());
  };

  constructor(private view: EditorView) {
    window.addEventListener("scroll", this.onScroll, { passive: true });
    window.addEventListener("resize", this.onScroll);
    // Shown (the editor is hidden until synced) or reflowed: read the window again.
    this.resize = new ResizeObserver(this.onScroll);
    this.resize.observe(view.dom);
    this.onScroll();
  }

  private measure() {
    this.frame = 0;
    const view = this.view;
    if (view.isDestroyed) return;
    const box = view.dom.getBoundingClientRect();
    const margin = window.innerHeight * DRAW_MARGIN;
    const top = Math.max(box.top + 1, -margin);
    const bottom = Math.min(box.bottom - 1, window.innerHeight + margin);
    const next =
      bottom <= top
        ? { from: 0, to: -1 }
        : windowAround(
            view.state.doc,
            top <= box.top + 1 ? null : (view.posAtCoords({ left: box.left + 1, top })?.pos ?? null),
            bottom >= box.bottom - 1 ? null : (view.posAtCoords({ left: box.right - 1, top: bottom })?.pos ?? null),
          );
    const current = highlightPluginKey.getState(view.state)!.window;
    if (next.from === current.from && next.to === current.to) return;
    setHighlightWindow(view, next);
  }

  destroy() {
    cancelAnimationFrame(this.frame);
    this.resize.disconnect();
    window.removeEventListener("scroll", this.onScroll);
    window.removeEventListener("resize", this.onScroll);
  }
}

export function createHighlightPlugin(onClick: (view: EditorView, pos: number, event: MouseEvent) => boolean) {
  return new Plugin<HighlightState>({
    key: highlightPluginKey,
    state: { init: () => empty, apply },
    view: (view) => new WindowView(view),
    props: {
      decorations: (state) => highlightPluginKey.getState(state)?.decorations,
      handleClick: (view, pos, event) => onClick(view, pos, event),
    },
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

/** Marks the focused thread's words. */
export function setActiveHighlight(view: EditorView, id: string | null) {
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, { type: "active", id } satisfies Meta).setMeta("addToHistory", false));
}

/** Draws the pieces within `window` (whole blocks near the viewport; the view measures it as it scrolls). */
export function setHighlightWindow(view: EditorView, window: PositionRange) {
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, { type: "window", window } satisfies Meta).setMeta("addToHistory", false));
}
