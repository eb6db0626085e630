/**
 * The server-rendered text with its highlights, so the first paint shows the notes' words
 * before any script runs. The highlights are <span class="anno-hl"> with the same tints the
 * live editor draws with the CSS Custom Highlight API (components/annotations/annotations.css),
 * so the editor takes over without a visible change or a layout shift.
 */
import { Mark, type JSONContent } from "@tiptap/core";
import { generateHTML } from "@tiptap/html/server";
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { Transform } from "@tiptap/pm/transform";
import { highlightSegments } from "@/components/annotations/highlight-segments";
import { editorExtensions } from "./extensions";
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
  const clean = sanitizeLinkMarks(json);
  if (highlights.length === 0) return generateHTML(clean, editorExtensions);
  schema ??= getSchema(extensions);
  const doc = schema.nodeFromJSON(clean);
  const positions = new ProjectionPositions(doc);
  const ranges = highlights.flatMap((h) => {
    if (h.end <= h.start || positions.slice(h.start, h.end) !== h.exact) return [];
    const { from, to } = positions.toRange(h.start, h.end);
    return [{ id: h.id, from, to, mine: h.mine, private: h.private, pending: h.pending }];
  });
  const tr = new Transform(doc);
  const type = schema.marks.annotationHighlight;
  for (const segment of highlightSegments(ranges)) {
    tr.addMark(segment.from, segment.to, type.create({ depth: segment.depth, mine: segment.mine, private: segment.private, pending: segment.pending }));
  }
  return generateHTML(tr.doc.toJSON() as JSONContent, extensions);
}
