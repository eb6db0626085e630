/**
 * The ProseMirror plugin that draws annotation highlights as inline decorations. It holds only
 * what AnchorTracker computed; between two recomputes it maps them through local edits.
 */
import { Plugin, PluginKey } from "@tiptap/pm/state";
import { Decoration, DecorationSet, type EditorView } from "@tiptap/pm/view";
import type { HighlightSegment } from "./highlight-segments";

export const highlightPluginKey = new PluginKey<DecorationSet>("annotationHighlights");

/** Data attributes of one highlighted piece; the styles live in components/annotations/highlights.css. */
function attrsOf(segment: HighlightSegment, activeId: string | null): Record<string, string> {
  const attrs: Record<string, string> = {
    class: "anno-hl",
    "data-annotation-ids": segment.ids.join(" "),
    "data-depth": String(segment.depth),
  };
  if (segment.mine) attrs["data-mine"] = "";
  if (segment.private) attrs["data-private"] = "";
  if (segment.pending) attrs["data-pending"] = "";
  if (segment.ids.includes("draft")) attrs["data-draft"] = "";
  if (activeId !== null && segment.ids.includes(activeId)) attrs["data-active"] = "";
  return attrs;
}

export function createHighlightPlugin(onClick: (view: EditorView, pos: number, event: MouseEvent) => boolean) {
  return new Plugin<DecorationSet>({
    key: highlightPluginKey,
    state: {
      init: () => DecorationSet.empty,
      apply(tr, set) {
        const next = tr.getMeta(highlightPluginKey) as DecorationSet | undefined;
        if (next) return next;
        return tr.docChanged ? set.map(tr.mapping, tr.doc) : set;
      },
    },
    props: {
      decorations: (state) => highlightPluginKey.getState(state),
      handleClick: (view, pos, event) => onClick(view, pos, event),
    },
  });
}

/** Replaces the drawn highlights; a meta-only transaction, so it is no edit and no undo step. */
export function setHighlights(view: EditorView, segments: readonly HighlightSegment[], activeId: string | null) {
  const decorations = segments.map((segment) => Decoration.inline(segment.from, segment.to, attrsOf(segment, activeId)));
  const set = DecorationSet.create(view.state.doc, decorations);
  view.dispatch(view.state.tr.setMeta(highlightPluginKey, set).setMeta("addToHistory", false));
}
