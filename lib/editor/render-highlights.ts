/**
 * The server-rendered text with its highlights, so the first paint shows the notes' words
 * before any script runs. The highlights are <span class="anno-hl"> with the same tints the
 * live editor draws as decorations near the viewport (components/annotations/annotations.css),
 * and text blocks get the trailing <br> ProseMirror adds (an empty paragraph keeps its line), so
 * the editor takes over without a visible change, a layout shift or a larger paint.
 */
import { Mark, Node, type JSONContent } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import { Fragment, type Mark as PMMark, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { highlightSegments } from "@/lib/editor/highlight-segments";
import { editorExtensions } from "./extensions";
import { serializeToHTML } from "./html-string";
import { sanitizeLinkMarks } from "./links";
import { ProjectionPositions } from "./projection-positions";

/** An annotation's words in the text projection (code points), with what decides its tint. */
export type StaticHighlight = { id: string; start: number; end: number; exact: string; mine: boolean; private: boolean; pending: boolean };

/** A mark for rendering only: the editor's schema never has it. */
const AnnotationHighlight = Mark.create({
  name: "annotationHighlight",
  excludes: "",
  addAttributes: () => ({ depth: { default: 1 }, mine: { default: false }, private: { default: false }, pending: { default: false } }),
  renderHTML: ({ HTMLAttributes: a }) => [
    "span",
    {
      class: "anno-hl",
      "data-depth": String(a.depth),
      ...(a.mine ? { "data-mine": "" } : {}),
      ...(a.private ? { "data-private": "" } : {}),
      ...(a.pending ? { "data-pending": "" } : {}),
    },
    0,
  ],
});

/**
 * ProseMirror's own line keeper: the <br> its view appends to a text block that is empty or
 * ends in something other than text (a hard break). For rendering only.
 */
const TrailingBreak = Node.create({
  name: "editorTrailingBreak",
  group: "inline",
  inline: true,
  atom: true,
  renderHTML: () => ["br", { class: "ProseMirror-trailingBreak" }],
});

const extensions = [...editorExtensions, AnnotationHighlight, TrailingBreak];
let schema: Schema | undefined;

/**
 * The document as safe HTML (as renderDocumentHTML) with `highlights` marked, laid out as the
 * live editor lays it out. A highlight whose offsets no longer hold its words (the text moved
 * since they were stored) is left out: the live editor draws it a moment later.
 */
export function renderHighlightedHTML(json: JSONContent, highlights: readonly StaticHighlight[]): string {
  schema ??= getSchema(extensions);
  const doc = schema.nodeFromJSON(sanitizeLinkMarks(json));
  const positions = highlights.length ? new ProjectionPositions(doc) : null;
  const ranges = highlights.flatMap((h) => {
    if (!positions || h.end <= h.start || positions.slice(h.start, h.end) !== h.exact) return [];
    const { from, to } = positions.toRange(h.start, h.end);
    return [{ id: h.id, from, to, mine: h.mine, private: h.private, pending: h.pending }];
  });
  const type = schema.marks.annotationHighlight;
  const segments = highlightSegments(ranges).map((s) => ({ ...s, mark: type.create({ depth: s.depth, mine: s.mine, private: s.private, pending: s.pending }) }));
  return serializeToHTML(asEditorDraws(doc, segments, schema.nodes.editorTrailingBreak.create()));
}

/** Whether ProseMirror's view appends its trailing <br> to this text block's content (prosemirror-view's addTextblockHacks). */
function needsTrailingBreak(children: readonly PMNode[]): boolean {
  const last = children[children.length - 1];
  return !last || !last.isText || /\n$/.test(last.text ?? "");
}

/**
 * `doc` as the editor draws it: each text piece inside a segment carrying its mark, and a
 * trailing break where ProseMirror puts one; one pass over the document.
 */
function asEditorDraws(doc: PMNode, segments: readonly { from: number; to: number; mark: PMMark }[], trailingBreak: PMNode): PMNode {
  let next = 0;
  /** The nodes replacing `node` (a text node cut into pieces), `start` being its position. */
  const walk = (node: PMNode, start: number): PMNode[] => {
    if (node.isText) {
      const end = start + node.nodeSize;
      while (next < segments.length && segments[next].to <= start) next++;
      if (next >= segments.length || segments[next].from >= end) return [node];
      const pieces: PMNode[] = [];
      let at = start;
      for (let i = next; i < segments.length && segments[i].from < end; i++) {
        const s = segments[i];
        if (s.from > at) pieces.push(node.cut(at - start, s.from - start));
        const to = Math.min(end, s.to);
        pieces.push(node.cut(Math.max(at, s.from) - start, to - start).mark(s.mark.addToSet(node.marks)));
        at = to;
      }
      if (at < end) pieces.push(node.cut(at - start, end - start));
      return pieces;
    }
    if (node.isLeaf) return [node];
    const children: PMNode[] = [];
    // Inside a node, content starts one position after its opening (the doc has none).
    let pos = node === doc ? 0 : start + 1;
    node.forEach((child) => {
      children.push(...walk(child, pos));
      pos += child.nodeSize;
    });
    if (node.isTextblock && needsTrailingBreak(children)) children.push(trailingBreak);
    return [node.copy(Fragment.from(children))];
  };
  return walk(doc, 0)[0];
}
