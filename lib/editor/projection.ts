/**
 * The plain-text projection of a document: the text annotations, search and exports refer to.
 *
 * Offsets into a projection count Unicode code points, not UTF-16 units: "😀" is 1, "é" written
 * as e + U+0301 is 2. JavaScript string indices and ProseMirror positions count UTF-16 units,
 * so never use `.length` or `.slice` on a projection where an offset is meant.
 */
import type { JSONContent } from "@tiptap/core";
import type { Node as PMNode } from "@tiptap/pm/model";
import { getEditorSchema } from "./extensions";

/** Text between two consecutive textblocks in a projection. */
export const BLOCK_SEPARATOR = "\n\n";

/** Text a hardBreak node projects to. */
export const HARD_BREAK_TEXT = "\n";

/** Number of Unicode code points in `s`; the unit of every projection offset. */
export function codePointLength(s: string): number {
  let length = s.length;
  for (let i = 0; i < s.length - 1; i++) {
    const unit = s.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        length--;
        i++;
      }
    }
  }
  return length;
}

/**
 * One piece of a projection tied to the document range it comes from.
 * `start`/`end` are projection offsets in code points; `from`/`to` are ProseMirror positions.
 * - text: a text node; `to - from` is its UTF-16 length, `end - start` its code-point length.
 * - hardBreak: the "\n" of a hardBreak node at `from` (`to = from + 1`).
 * - separator: the "\n\n" between two textblocks; `from` is the end of the first block's
 *   content, `to` the start of the next block's content (crossing list/quote boundaries).
 * Segments are contiguous and in order; an empty textblock has no segment of its own, its
 * content position is the `to` of the separator before it (and the `from` of the one after).
 */
export interface ProjectionSegment {
  kind: "text" | "hardBreak" | "separator";
  text: string;
  start: number;
  end: number;
  from: number;
  to: number;
}

type DocInput = JSONContent | PMNode;

function isPMNode(doc: DocInput): doc is PMNode {
  return typeof (doc as PMNode).nodeSize === "number" && typeof (doc as PMNode).descendants === "function";
}

function toPMNode(doc: DocInput): PMNode {
  return isPMNode(doc) ? doc : getEditorSchema().nodeFromJSON(doc);
}

/**
 * Splits a document into projection segments. Blocks are textblocks (paragraphs, headings,
 * including those inside list items and blockquotes) in document order; a horizontal rule has no
 * text and no block. Inline leaves other than hardBreak (none in the current schema) project to "".
 */
export function projectionSegments(doc: DocInput): ProjectionSegment[] {
  const segments: ProjectionSegment[] = [];
  let offset = 0;
  let previousBlockEnd: number | null = null;
  const push = (kind: ProjectionSegment["kind"], text: string, from: number, to: number) => {
    const end = offset + codePointLength(text);
    segments.push({ kind, text, start: offset, end, from, to });
    offset = end;
  };

  toPMNode(doc).descendants((node, pos) => {
    if (!node.isTextblock) return true;
    const contentStart = pos + 1;
    if (previousBlockEnd !== null) push("separator", BLOCK_SEPARATOR, previousBlockEnd, contentStart);
    node.forEach((child, childOffset) => {
      const from = contentStart + childOffset;
      if (child.isText) push("text", child.text ?? "", from, from + child.nodeSize);
      else if (child.type.name === "hardBreak") push("hardBreak", HARD_BREAK_TEXT, from, from + 1);
    });
    previousBlockEnd = contentStart + node.content.size;
    return false;
  });
  return segments;
}

/** The document's plain text: textblocks joined by "\n\n", hard breaks as "\n", marks ignored. */
export function textProjection(doc: DocInput): string {
  return projectionSegments(doc)
    .map((segment) => segment.text)
    .join("");
}
