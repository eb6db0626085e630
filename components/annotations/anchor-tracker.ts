/**
 * Keeps the annotations on their words while people edit: after every change of the shared
 * Y.Doc, resolves each anchor against it (lib/anchoring), maps the projection offsets to
 * ProseMirror positions (lib/editor/projection-positions) and redraws the highlights. The margin
 * reads the same snapshot to place its cards.
 *
 * Why a recompute instead of mapping decorations through transactions: y-tiptap applies a
 * remote change as one replacement of the whole document, which a mapping cannot follow.
 */
import { Extension, type Editor } from "@tiptap/core";
import { Selection } from "@tiptap/pm/state";
import type { EditorView } from "@tiptap/pm/view";
import type * as Y from "yjs";
import { createAnchor, resolveAnchors, type Anchor } from "@/lib/anchoring/anchors";
import { buildProjectionMap } from "@/lib/anchoring/projection-map";
import { ProjectionPositions, type ProjectionQuote } from "@/lib/editor/projection-positions";
import { highlightSegments, type HighlightSegment } from "./highlight-segments";
import { createHighlightPlugin, setHighlights } from "./highlight-plugin";

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

/** Where an anchor is now: projection offsets, ProseMirror positions and the words there. */
export type TrackedRange = { start: number; end: number; from: number; to: number; exact: string };

export type TrackerSnapshot = {
  /** Bumped on every recompute: layout code re-measures when it changes. */
  version: number;
  /** Whether an editor is attached and ranges are meaningful. */
  live: boolean;
  ranges: ReadonlyMap<string, TrackedRange>;
  orphaned: ReadonlySet<string>;
};

const emptySnapshot: TrackerSnapshot = { version: 0, live: false, ranges: new Map(), orphaned: new Set() };

/** A selection of the text as the W3C selectors want it, tied to its characters. */
export type SelectionTarget = ProjectionQuote & { anchor: Anchor };

export class AnchorTracker {
  private editor: Editor | null = null;
  private ydoc: Y.Doc | null = null;
  private targets: TrackedTarget[] = [];
  private activeId: string | null = null;
  private snapshot: TrackerSnapshot = emptySnapshot;
  private segments: HighlightSegment[] = [];
  private listeners = new Set<() => void>();
  private scheduled = false;
  private retries = 0;
  private lastSignature = "";
  private lastDoc: unknown = null;

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
    const onUpdate = () => this.schedule();
    const onTransaction = ({ transaction }: { transaction: { docChanged: boolean } }) => transaction.docChanged && this.schedule();
    ydoc.on("update", onUpdate);
    editor.on("transaction", onTransaction);
    this.schedule();
    return () => {
      ydoc.off("update", onUpdate);
      editor.off("transaction", onTransaction);
      if (this.editor === editor) {
        this.editor = null;
        this.ydoc = null;
        this.lastSignature = "";
        this.lastDoc = null;
        this.publish({ version: this.snapshot.version + 1, live: false, ranges: new Map(), orphaned: new Set() });
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
    this.schedule();
  }

  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = () => this.snapshot;

  static getServerSnapshot = () => emptySnapshot;

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
    const range = this.snapshot.ranges.get(id);
    const editor = this.editor;
    if (!range || !editor || editor.isDestroyed) return null;
    return new ProjectionPositions(editor.state.doc).quoteAt(range.start, range.end);
  }

  /** Coalesces bursts of updates (a remote batch, typing) into one recompute before the next paint. */
  private schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    queueMicrotask(() => {
      this.scheduled = false;
      this.recompute();
    });
  }

  private recompute() {
    const { editor, ydoc } = this;
    if (!editor || !ydoc || editor.isDestroyed) return;
    // Redrawing decorations under an input method's composition can break it: wait for it to end.
    if (editor.view.composing) {
      requestAnimationFrame(() => this.schedule());
      return;
    }
    const doc = editor.state.doc;
    const positions = new ProjectionPositions(doc);
    const resolved = resolveAnchors(ydoc, this.targets.map((t) => t.anchor));
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

    this.segments = highlightSegments(
      this.targets
        .filter((t) => t.shown && ranges.has(t.id))
        .map((t) => ({ id: t.id, from: ranges.get(t.id)!.from, to: ranges.get(t.id)!.to, mine: t.mine, private: t.private, pending: t.pending })),
    );
    const signature = JSON.stringify([this.activeId, this.segments]);
    if (signature !== this.lastSignature || doc !== this.lastDoc) {
      setHighlights(editor.view, this.segments, this.activeId);
      this.lastSignature = signature;
      this.lastDoc = editor.state.doc;
    }
    this.publish({ version: this.snapshot.version + 1, live: true, ranges, orphaned });
  }

  private clickAt(view: EditorView, pos: number, event: MouseEvent): boolean {
    const hit = this.segments.find((s) => s.from <= pos && pos < s.to) ?? this.segments.find((s) => s.from < pos && pos <= s.to);
    if (!hit) return false;
    // Showing the thread redraws the highlight (it turns active). ProseMirror may not have read the
    // caret the click put in the DOM yet; the redraw would then put back the old one, and typing
    // would land there. So the click's caret goes into the editor's state first.
    if (view.editable && !event.shiftKey && pos <= view.state.doc.content.size) {
      const caret = Selection.near(view.state.doc.resolve(pos));
      if (!caret.eq(view.state.selection)) view.dispatch(view.state.tr.setSelection(caret).setMeta("addToHistory", false));
    }
    this.onHighlightClick?.(hit.ids[0]);
    return false;
  }

  private publish(snapshot: TrackerSnapshot) {
    this.snapshot = snapshot;
    for (const listener of this.listeners) listener();
  }
}

function sameTargets(a: readonly TrackedTarget[], b: readonly TrackedTarget[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((t, i) => {
    const u = b[i];
    return t.id === u.id && t.anchor === u.anchor && t.mine === u.mine && t.private === u.private && t.pending === u.pending && t.shown === u.shown;
  });
}
