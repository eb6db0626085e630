/**
 * Keeps the annotations on their words while people edit, at a cost per keystroke that does
 * not grow with the number of annotations:
 *
 * - On every edit, the highlight plugin maps each annotation's ProseMirror range and the drawn
 *   pieces through the transaction; the view re-renders only the paragraph the edit changed
 *   (highlight-plugin.ts). y-tiptap applies a remote change as one replacement of the whole
 *   document, which a plain mapping cannot follow; there the difference between the old and the
 *   new document stands in for the change (doc-change-mapping.ts).
 * - A little later, off the keystroke's path (after a pause in the edits), every anchor is
 *   resolved against the shared Y.Doc (lib/anchoring), its projection offsets mapped to
 *   ProseMirror positions (lib/editor/projection-positions); when that differs from the mapped
 *   state (an orphaned note, an ambiguous remote difference) it replaces it. Local edits map
 *   exactly, so while the reader keeps typing nothing is resolved; remote changes, mapped by
 *   their difference, are resolved at most MAX_LAG_MS behind even while edits keep coming.
 *
 * React reads a snapshot that changes only when what the page lists changes (which notes are on
 * the text or orphaned, their order, their words; changed words alone wait for edits to pause);
 * live positions are read with positionOf and followed with subscribePositions, so a keystroke
 * re-renders no card and re-runs nothing over every note.
 */
import { Extension, type Editor } from "@tiptap/core";
import { Selection, type Transaction } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";
import { createAnchor, resolveAnchors, type Anchor, type ResolvedAnchor } from "@/lib/anchoring/anchors";
import { buildProjectionMap, type ProjectionMap } from "@/lib/anchoring/projection-map";
import { ProjectionPositions, type ProjectionQuote } from "@/lib/editor/projection-positions";
import type { KeyedSegment } from "./highlight-decorations";
import { highlightSegments } from "@/lib/editor/highlight-segments";
import { replacesWholeDocument } from "./doc-change-mapping";
import { createHighlightPlugin, highlightIdsAt, highlightPluginKey, setActiveHighlight, setHighlights, type PositionRange } from "./highlight-plugin";

/** One annotation (or the draft) to keep track of. */
export type TrackedTarget = {
  id: string;
  anchor: Anchor;
  mine: boolean;
  private: boolean;
  pending: boolean;
  /** Drawn in the text; filtered-out threads are tracked but not drawn. */
  shown: boolean;
};

/**
 * Where an anchor was at the last resolution: projection offsets, ProseMirror positions and the
 * words there. Positions move with every edit in between: read live ones with positionOf.
 */
export type TrackedRange = { start: number; end: number; from: number; to: number; exact: string };

export type TrackerSnapshot = {
  /** Bumped whenever the snapshot changes. */
  version: number;
  /** Whether an editor is attached and ranges are meaningful. */
  live: boolean;
  ranges: ReadonlyMap<string, TrackedRange>;
  orphaned: ReadonlySet<string>;
};

const emptySnapshot: TrackerSnapshot = { version: 0, live: false, ranges: new Map(), orphaned: new Set() };

/** A selection of the text as the W3C selectors want it, tied to its characters. */
export type SelectionTarget = ProjectionQuote & { anchor: Anchor };

/** Quiet time after an edit before the anchors are resolved again. */
const SETTLE_MS = 250;
/** Never further behind the shared document than this while remote edits keep coming. */
const MAX_LAG_MS = 1500;

export class AnchorTracker {
  private editor: Editor | null = null;
  private ydoc: Y.Doc | null = null;
  private targets: TrackedTarget[] = [];
  private activeId: string | null = null;
  private snapshot: TrackerSnapshot = emptySnapshot;
  /** The last resolution, current even when nothing visible changed (so not published). */
  private latest: ReadonlyMap<string, TrackedRange> = new Map();
  private listeners = new Set<() => void>();
  private positionListeners = new Set<() => void>();
  private scheduled = false;
  private settleTimer: ReturnType<typeof setTimeout> | null = null;
  /** When the first remote change since the last resolution arrived (null: none since). */
  private firstRemote: number | null = null;
  private retries = 0;
  private nextKey = 1;
  /** Bumped by every resolution started; a resolution in chunks stops when it is no longer the latest. */
  private generation = 0;
  /** A resolution in chunks is under way: `latest` may be behind the text. */
  private resolving = false;

  /** Called with the innermost annotation under a click in the text. */
  onHighlightClick: ((id: string) => void) | null = null;

  /**
   * The editor extension that draws the highlights; give it to the editor when it is created
   * (registering a plugin later reconfigures the state and restarts the Yjs binding's view).
   */
  readonly extension = Extension.create({
    name: "annotationHighlights",
    addProseMirrorPlugins: () => [createHighlightPlugin((view, pos, event) => this.clickAt(view, pos, event))],
  });

  /** Starts tracking in a synced editor bound to `ydoc`; returns the function that stops it. */
  attach(editor: Editor, ydoc: Y.Doc): () => void {
    this.editor = editor;
    this.ydoc = ydoc;
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (!transaction.docChanged) return;
      this.settleLater(replacesWholeDocument(transaction));
      this.notifyPositions();
    };
    editor.on("transaction", onTransaction);
    this.schedule();
    return () => {
      editor.off("transaction", onTransaction);
      if (this.editor === editor) {
        this.cancelSettle();
        this.editor = null;
        this.ydoc = null;
        this.latest = new Map();
        this.publish({ version: this.snapshot.version + 1, live: false, ranges: new Map(), orphaned: new Set() });
        this.notifyPositions();
      }
    };
  }

  /** What to track; a list equal to the current one (same anchors, same flags) changes nothing. */
  setTargets(targets: TrackedTarget[]) {
    if (sameTargets(this.targets, targets)) return;
    this.targets = targets;
    this.schedule();
  }

  setActive(id: string | null) {
    if (id === this.activeId) return;
    this.activeId = id;
    const editor = this.editor;
    if (editor && !editor.isDestroyed) setActiveHighlight(editor.view, id);
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  static getServerSnapshot = () => emptySnapshot;

  /** Called after every edit that may have moved the highlights (and after each resolution). */
  subscribePositions = (listener: () => void) => {
    this.positionListeners.add(listener);
    return () => this.positionListeners.delete(listener);
  };

  /** Where every tracked annotation's words are in the editor's document right now, by id. */
  positions(): ReadonlyMap<string, PositionRange> {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return new Map();
    return highlightPluginKey.getState(editor.state)?.ranges ?? new Map();
  }

  /** Where an annotation's words are in the editor's document right now. */
  positionOf(id: string): PositionRange | null {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return null;
    return highlightPluginKey.getState(editor.state)?.ranges.get(id) ?? null;
  }

  /** The annotations drawn under a point of the viewport (a pointer), innermost first. */
  idsAtPoint(x: number, y: number): string[] {
    const editor = this.editor;
    if (!editor || editor.isDestroyed) return [];
    const hit = editor.view.posAtCoords({ left: x, top: y });
    return hit ? highlightIdsAt(editor.state, hit.pos) : [];
  }

  /**
   * The editor's current selection as projection offsets and quote, tied to its characters;
   * null when it is empty, holds no text, or the shared doc and the editor disagree right now.
   */
  selectionTarget(from: number, to: number): SelectionTarget | null {
    const { editor, ydoc } = this;
    if (!editor || !ydoc || editor.isDestroyed) return null;
    const quote = new ProjectionPositions(editor.state.doc).quoteOf(from, to);
    if (!quote) return null;
    const map = buildProjectionMap(ydoc);
    if (map.slice(quote.start, quote.end) !== quote.exact) return null;
    try {
      return { ...quote, anchor: createAnchor(ydoc, quote.start, quote.end, map) };
    } catch {
      return null;
    }
  }

  /** The words of a tracked range as a W3C quote (with context), as they are now. */
  quoteFor(id: string): ProjectionQuote | null {
    if (this.settleTimer !== null || this.resolving) this.recompute();
    const range = this.latest.get(id);
    const editor = this.editor;
    if (!range || !editor || editor.isDestroyed) return null;
    return new ProjectionPositions(editor.state.doc).quoteAt(range.start, range.end);
  }

  /** Coalesces changes of what to track into one resolution before the next paint. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.recompute();
    });
  }

  /**
   * Resolves again once edits pause. Only remote changes (mapped by their difference, which can
   * be ambiguous) also force a resolution after MAX_LAG_MS of continuous edits: a reader typing
   * on their own pays for no resolution over every note until they stop.
   */
  private settleLater(remote = false) {
    const now = performance.now();
    if (remote && this.firstRemote === null) this.firstRemote = now;
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    const { wait, quiet } = settleWait(now, this.firstRemote);
    this.settleTimer = setTimeout(() => {
      this.settleTimer = null;
      // Remote changes keep coming (the lag decides): a pass in chunks could be cut short by each of them.
      if (quiet) void this.recomputeInChunks(quiet);
      else this.recompute(quiet);
    }, wait);
  }

  private cancelSettle() {
    if (this.settleTimer !== null) clearTimeout(this.settleTimer);
    this.settleTimer = null;
    this.firstRemote = null;
  }

  /** `quiet`: edits have paused; otherwise changed words alone are not published yet (a re-render over every note). */
  private recompute(quiet = true) {
    const { editor, ydoc } = this;
    if (!editor || !ydoc || editor.isDestroyed) return;
    this.generation++;
    this.resolving = false;
    this.cancelSettle();
    // Redrawing under an input method's composition can break it: wait for it to end.
    if (editor.view.composing) {
      this.settleLater();
      return;
    }
    this.apply(editor, resolveAnchors(ydoc, this.targets.map((t) => t.anchor)), quiet);
  }

  /**
   * The resolution after a pause in the edits, in chunks between which the browser may handle a
   * key: over thousands of notes one long task would delay the next keystroke. An edit or a new
   * list of notes in between makes it stop (the edit schedules the next one).
   */
  private async recomputeInChunks(quiet: boolean) {
    const { editor, ydoc } = this;
    if (!editor || !ydoc || editor.isDestroyed) return;
    this.cancelSettle();
    if (editor.view.composing) {
      this.settleLater();
      return;
    }
    const generation = ++this.generation;
    const doc = editor.state.doc;
    const targets = this.targets;
    this.resolving = true;
    const resolved = await resolveInChunks(ydoc, targets.map((t) => t.anchor), {
      stillWanted: () => generation === this.generation && this.editor === editor && !editor.isDestroyed && editor.state.doc === doc && this.targets === targets,
    });
    if (generation !== this.generation) return;
    this.resolving = false;
    if (!resolved) return;
    this.apply(editor, resolved, quiet);
  }

  private apply(editor: Editor, resolved: ResolvedAnchor[], quiet: boolean) {
    const doc = editor.state.doc;
    const positions = new ProjectionPositions(doc);
    const ranges = new Map<string, TrackedRange>();
    const orphaned = new Set<string>();
    let consistent = true;
    this.targets.forEach((target, i) => {
      const r = resolved[i];
      if (r.orphaned) {
        orphaned.add(target.id);
        return;
      }
      // The editor applies the shared doc's changes synchronously; a mismatch means we ran in between.
      if (positions.slice(r.start, r.end) !== r.exact) consistent = false;
      const { from, to } = positions.toRange(r.start, r.end);
      ranges.set(target.id, { start: r.start, end: r.end, from, to, exact: r.exact });
    });
    if (!consistent && this.retries < 10) {
      this.retries++;
      requestAnimationFrame(() => this.schedule());
    } else if (consistent) {
      this.retries = 0;
    }

    this.draw(ranges);
    this.latest = ranges;
    const listing = compareListing(this.snapshot, ranges, orphaned);
    if (listing === "changed" || (listing === "words" && quiet)) this.publish({ version: this.snapshot.version + 1, live: true, ranges, orphaned });
    else if (listing === "words") this.settleLater();
    else if (!this.snapshot.live) this.publish({ ...this.snapshot, version: this.snapshot.version + 1, live: true });
    this.notifyPositions();
  }

  /** Hands the resolved ranges to the highlight plugin, unless they are what it already has. */
  private draw(ranges: ReadonlyMap<string, TrackedRange>) {
    const view = this.editor!.view;
    const current = highlightPluginKey.getState(view.state)!;
    const positions = new Map<string, PositionRange>();
    for (const [id, range] of ranges) positions.set(id, { from: range.from, to: range.to });
    const shown = this.targets.filter((t) => t.shown && ranges.has(t.id));
    const segments = highlightSegments(shown.map((t) => ({ id: t.id, from: ranges.get(t.id)!.from, to: ranges.get(t.id)!.to, mine: t.mine, private: t.private, pending: t.pending })));
    const mine = new Set(this.targets.filter((t) => t.mine).map((t) => t.id));
    if (samePositions(current.ranges, positions) && sameSegments(current.segments, segments) && sameIds(current.mine, mine)) return;
    // Unchanged pieces keep their key.
    const keys = new Map(current.segments.map((s) => [segmentKey(s), s.key]));
    const keyed: KeyedSegment[] = segments.map((s) => ({ ...s, key: keys.get(segmentKey(s)) ?? this.nextKey++ }));
    setHighlights(view, positions, keyed, mine);
    if (this.activeId !== current.activeId) setActiveHighlight(view, this.activeId);
  }

  private clickAt(view: EditorView, pos: number, event: MouseEvent): boolean {
    const [id] = highlightIdsAt(view.state, pos);
    if (!id) return false;
    // Showing the thread may redraw while ProseMirror has not yet read the caret the click put in
    // the DOM; the redraw would then put back the old one, and typing would land there. So the
    // click's caret goes into the editor's state first.
    if (view.editable && !event.shiftKey && pos <= view.state.doc.content.size) {
      const caret = Selection.near(view.state.doc.resolve(pos));
      if (!caret.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(caret).setMeta("addToHistory", false));
    }
    this.onHighlightClick?.(id);
    return false;
  }

  private publish(snapshot: TrackerSnapshot) {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }

  private notifyPositions() {
    for (const listener of this.positionListeners) listener();
  }
}

/** Anchors resolved per task when the resolution runs in chunks. */
const RESOLVE_CHUNK = 250;

const yieldToBrowser = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/**
 * Resolves `anchors` against `ydoc` `chunk` at a time, giving the browser a turn in between
 * (`pause`); null as soon as `stillWanted` says the result would be out of date.
 */
export async function resolveInChunks(
  ydoc: Y.Doc,
  anchors: readonly Anchor[],
  { stillWanted, chunk = RESOLVE_CHUNK, pause = yieldToBrowser }: { stillWanted: () => boolean; chunk?: number; pause?: () => Promise<void> },
): Promise<ResolvedAnchor[] | null> {
  let map: ProjectionMap | null = null;
  const resolved: ResolvedAnchor[] = [];
  for (let i = 0; i === 0 || i < anchors.length; i += chunk) {
    if (i > 0) {
      await pause();
      if (!stillWanted()) return null;
    }
    map ??= buildProjectionMap(ydoc);
    resolved.push(...resolveAnchors(ydoc, anchors.slice(i, i + chunk), map));
  }
  return resolved;
}

/**
 * How long after an edit to resolve the anchors again: after SETTLE_MS without another edit, or,
 * once a remote change is waiting (since `firstRemote`), no later than MAX_LAG_MS after it.
 * `quiet` is false when the lag, not a pause, decides.
 */
export function settleWait(now: number, firstRemote: number | null): { wait: number; quiet: boolean } {
  const wait = firstRemote === null ? SETTLE_MS : Math.max(0, Math.min(SETTLE_MS, firstRemote + MAX_LAG_MS - now));
  return { wait, quiet: wait === SETTLE_MS };
}

function segmentKey(s: { from: number; to: number; ids: readonly string[]; depth: number; mine: boolean; private: boolean; pending: boolean }): string {
  return `${s.from} ${s.to} ${s.ids.join(",")} ${s.depth}${s.mine ? "m" : ""}${s.private ? "p" : ""}${s.pending ? "w" : ""}`;
}

function sameSegments(a: readonly KeyedSegment[], b: readonly ReturnType<typeof highlightSegments>[number][]): boolean {
  return a.length === b.length && a.every((s, i) => segmentKey(s) === segmentKey(b[i]));
}

function samePositions(a: ReadonlyMap<string, PositionRange>, b: ReadonlyMap<string, PositionRange>): boolean {
  if (a.size !== b.size) return false;
  for (const [id, range] of b) {
    const other = a.get(id);
    if (!other || other.from !== range.from || other.to !== range.to) return false;
  }
  return true;
}

function sameIds(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  if (a.size !== b.size) return false;
  for (const id of b) if (!a.has(id)) return false;
  return true;
}

/**
 * How the page's listing differs: "same" (the same notes on the text in the same order, with the
 * same words, and the same orphans), "words" (only some notes' words changed) or "changed".
 */
export function compareListing(snapshot: TrackerSnapshot, ranges: ReadonlyMap<string, TrackedRange>, orphaned: ReadonlySet<string>): "same" | "words" | "changed" {
  if (!snapshot.live || !sameIds(snapshot.orphaned, orphaned) || snapshot.ranges.size !== ranges.size) return "changed";
  const order = (map: ReadonlyMap<string, TrackedRange>) => [...map].sort((x, y) => x[1].start - y[1].start || (x[0] < y[0] ? -1 : 1)).map(([id]) => id);
  const before = order(snapshot.ranges);
  const after = order(ranges);
  let words = false;
  for (let i = 0; i < after.length; i++) {
    if (before[i] !== after[i]) return "changed";
    if (snapshot.ranges.get(after[i])!.exact !== ranges.get(after[i])!.exact) words = true;
  }
  return words ? "words" : "same";
}

function sameTargets(a: readonly TrackedTarget[], b: readonly TrackedTarget[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((t, i) => {
    const u = b[i];
    return t.id === u.id && t.anchor === u.anchor && t.mine === u.mine && t.private === u.private && t.pending === u.pending && t.shown === u.shown;
  });
}
