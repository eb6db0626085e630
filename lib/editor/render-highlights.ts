/**
 * The server-rendered text with its highlights, so the first paint shows the notes' words
 * before any script runs. The highlights are <span class="anno-hl"> with the same tints the
 * live editor draws with the CSS Custom Highlight API (components/annotations/annotations.css),
 * so the editor takes over without a visible change or a layout shift.
 */
import { Mark, type JSONContent } from "@tiptap/core";
import { getSchema } from "@tiptap/core";
import { Fragment, type Mark as PMMark, type Node as PMNode, type Schema } from "@tiptap/pm/model";
import { highlightSegments } from "@/lib/editor/highlight-segments";
import { editorExtensions } from "./extensions";
import { serializeToHTML } from "./html-string";
import { renderDocumentHTML } from "./render";
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

const extensions = [...editorExtensions, AnnotationHighlight];
let schema: Schema | undefined;

/**
 * The document as safe HTML (as renderDocumentHTML) with `highlights` marked. A highlight whose
 * offsets no longer hold its words (the text moved since they were stored) is left out: the
 * live editor draws it a moment later.
 */
export function renderHighlightedHTML(json: JSONContent, highlights: readonly StaticHighlight[]): string {
  if (highlights.length === 0) return renderDocumentHTML(json);
  schema ??= getSchema(extensions);
  const doc = schema.nodeFromJSON(sanitizeLinkMarks(json));
  const positions = new ProjectionPositions(doc);
  const ranges = highlights.flatMap((h) => {
    if (h.end <= h.start || positions.slice(h.start, h.end) !== h.exact) return [];
    const { from, to } = positions.toRange(h.start, h.end);
    return [{ id: h.id, from, to, mine: h.mine, private: h.private, pending: h.pending }];
  });
  const type = schema.marks.annotationHighlight;
  const segments = highlightSegments(ranges).map((s) => ({ ...s, mark: type.create({ depth: s.depth, mine: s.mine, private: s.private, pending: s.pending }) }));
  return serializeToHTML(withMarks(doc, segments));
}

/** `doc` with each text piece inside a segment carrying its mark; one pass over the document. */
function withMarks(doc: PMNode, segments: readonly { from: number; to: number; mark: PMMark }[]): PMNode {
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
    return [node.copy(Fragment.from(children))];
  };
  return walk(doc, 0)[0];
}
