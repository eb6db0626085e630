import * as Y from "yjs";
import { COLLAB_FIELD } from "../../../lib/editor/extensions";

// The test's own reading of a document, kept naive on purpose (no schema checks): the edits in
// edits.ts keep documents schema-valid, and every test compares this text with textProjection.
const TEXTBLOCKS = new Set(["paragraph", "heading"]);

/** One inline child of a textblock with its code-point range in the projection. */
export interface Piece {
  node: Y.XmlText | Y.XmlElement;
  start: number;
  end: number;
}

/** One textblock with its content range in the projection and its inline children. */
export interface BlockLayout {
  element: Y.XmlElement;
  start: number;
  end: number;
  pieces: Piece[];
}

/** The projection code point by code point, each with the identity of the character it comes from. */
export interface Atoms {
  text: string;
  /** Per code point: "client:clock" of its first UTF-16 unit (a hardBreak's item), null in a separator. */
  ids: (string | null)[];
  blocks: BlockLayout[];
}

/** The string content of a Y.XmlText (its toString() renders formatting as tags). */
export function plainText(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === "string" ? op.insert : ""))
    .join("");
}

/** Reads `doc` into atoms with identities and a block layout. */
export function atomsOf(doc: Y.Doc): Atoms {
  const chars: string[] = [];
  const ids: (string | null)[] = [];
  const blocks: BlockLayout[] = [];
  const visit = (parent: Y.XmlFragment) => {
    for (const child of parent.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      if (!TEXTBLOCKS.has(child.nodeName)) {
        visit(child);
        continue;
      }
      if (blocks.length > 0) {
        chars.push("\n", "\n");
        ids.push(null, null);
      }
      const block: BlockLayout = { element: child, start: chars.length, end: 0, pieces: [] };
      for (const inline of child.toArray()) {
        const start = chars.length;
        if (inline instanceof Y.XmlText) {
          for (let item = inline._start; item !== null; item = item.right) {
            if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
            let unit = 0;
            for (const char of item.content.str) {
              chars.push(char);
              ids.push(`${item.id.client}:${item.id.clock + unit}`);
              unit += char.length;
            }
          }
          block.pieces.push({ node: inline, start, end: chars.length });
        } else if (inline instanceof Y.XmlElement) {
          chars.push("\n");
          ids.push(`${inline._item!.id.client}:${inline._item!.id.clock}`);
          block.pieces.push({ node: inline, start, end: chars.length });
        }
      }
      block.end = chars.length;
      blocks.push(block);
    }
  };
  visit(doc.getXmlFragment(COLLAB_FIELD));
  return { text: chars.join(""), ids, blocks };
}

/** The identities of the characters in [start, end). */
export function idsIn(atoms: Atoms, start: number, end: number): Set<string> {
  return new Set(atoms.ids.slice(start, end).filter((id): id is string => id !== null));
}

/** What an anchor made on `original` must resolve to: first to last surviving original character. */
export function expectedRange(atoms: Atoms, original: Set<string>): { start: number; end: number; exact: string } | null {
  const first = atoms.ids.findIndex((id) => id !== null && original.has(id));
  if (first < 0) return null;
  const last = atoms.ids.findLastIndex((id) => id !== null && original.has(id));
  return { start: first, end: last + 1, exact: Array.from(atoms.text).slice(first, last + 1).join("") };
}
