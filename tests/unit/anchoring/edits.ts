import * as Y from "yjs";
import { atomsOf, plainText, type BlockLayout, type Piece } from "./model";

// Editor-like edits addressed by projection offsets (code points), done the way y-tiptap writes
// them: text typed into a Y.XmlText; a split or join moves the rest of a block as NEW items
// (y-tiptap re-creates the moved content), so moved characters get new identities.

type Inline = { text: string } | { hardBreak: true };

/** The textblock holding offset `p`; an offset inside a separator belongs to the block before (or after). */
function blockAt(blocks: BlockLayout[], p: number, preferAfter = false): BlockLayout | undefined {
  const inside = blocks.find((b) => b.start <= p && p <= b.end);
  if (inside) return inside;
  const after = blocks.find((b) => b.start > p);
  const before = [...blocks].reverse().find((b) => b.end < p);
  return preferAfter ? (after ?? before) : (before ?? after);
}

function codeUnits(text: string, codePoints: number): number {
  return Array.from(text).slice(0, codePoints).join("").length;
}

/** Index among the block's children before which an inline node at `p` goes. */
function childIndexAt(block: BlockLayout, p: number): number {
  return block.pieces.filter((piece) => piece.start < p).length;
}

/** The block's inline content from `p` to its end, as plain copies. */
function contentFrom(block: BlockLayout, p: number): Inline[] {
  const content: Inline[] = [];
  for (const piece of block.pieces) {
    if (piece.end <= p) continue;
    if (piece.node instanceof Y.XmlText) {
      const text = plainText(piece.node);
      content.push({ text: text.slice(codeUnits(text, Math.max(0, p - piece.start))) });
    } else content.push({ hardBreak: true });
  }
  return content.filter((c) => !("text" in c) || c.text.length > 0);
}

function toNodes(content: Inline[]): (Y.XmlText | Y.XmlElement)[] {
  return content.map((c) => ("text" in c ? new Y.XmlText(c.text) : new Y.XmlElement("hardBreak")));
}

/** Deletes [p, q) inside one block, last piece first so earlier indexes stay valid. */
function deleteInBlock(block: BlockLayout, p: number, q: number): void {
  const pieces: Piece[] = block.pieces.filter((piece) => piece.end > p && piece.start < q && piece.end > piece.start);
  for (const piece of pieces.reverse()) {
    if (piece.node instanceof Y.XmlText) {
      const text = plainText(piece.node);
      const from = codeUnits(text, Math.max(0, p - piece.start));
      const to = codeUnits(text, Math.min(q, piece.end) - piece.start);
      piece.node.delete(from, to - from);
    } else block.element.delete(block.element.toArray().indexOf(piece.node), 1);
  }
}

/** Types `text` at offset `p`. */
export function insertText(doc: Y.Doc, p: number, text: string): void {
  const block = blockAt(atomsOf(doc).blocks, p);
  if (!block) return;
  const piece = block.pieces.find((x) => x.node instanceof Y.XmlText && x.start <= p && p <= x.end);
  if (piece) (piece.node as Y.XmlText).insert(codeUnits(plainText(piece.node as Y.XmlText), p - piece.start), text);
  else block.element.insert(childIndexAt(block, p), [new Y.XmlText(text)]);
}

/**
 * Deletes [p, q). Across blocks that share a parent it joins them like the editor: the rest of the
 * last block moves into the first, blocks in between go. Across other blocks it only deletes up to
 * the end of the first block (the editor's lift/unwrap logic is out of scope).
 */
export function deleteRange(doc: Y.Doc, p: number, q: number): void {
  const { blocks } = atomsOf(doc);
  const first = blockAt(blocks, p);
  if (!first) return;
  if (q <= first.end) return doc.transact(() => deleteInBlock(first, p, q));
  const last = blockAt(blocks, q, true);
  const parent = first.element.parent as Y.XmlFragment;
  if (!last || last === first || last.element.parent !== parent) return doc.transact(() => deleteInBlock(first, p, first.end));
  doc.transact(() => {
    const moved = contentFrom(last, Math.max(q, last.start));
    deleteInBlock(first, p, first.end);
    const children = parent.toArray();
    const from = children.indexOf(first.element) + 1;
    parent.delete(from, children.indexOf(last.element) - from + 1);
    const tail = first.element.toArray().at(-1);
    const [head, ...rest] = moved;
    if (head && "text" in head && tail instanceof Y.XmlText) tail.insert(tail.length, head.text);
    else if (head) rest.unshift(head);
    first.element.insert(first.element.length, toNodes(rest));
  });
}

/** Presses Enter at `p`: the rest of the block moves into a new block of the same kind after it. */
export function splitBlock(doc: Y.Doc, p: number): void {
  const block = blockAt(atomsOf(doc).blocks, p);
  if (!block) return;
  const parent = block.element.parent as Y.XmlFragment;
  doc.transact(() => {
    const moved = contentFrom(block, p);
    deleteInBlock(block, p, block.end);
    const created = new Y.XmlElement(block.element.nodeName);
    for (const [key, value] of Object.entries(block.element.getAttributes())) created.setAttribute(key, value as string);
    created.insert(0, toNodes(moved));
    parent.insert(parent.toArray().indexOf(block.element) + 1, [created]);
  });
}

/** Inserts a hard break at `p`, splitting a Y.XmlText like y-tiptap does (the tail is re-created). */
export function insertHardBreak(doc: Y.Doc, p: number): void {
  const block = blockAt(atomsOf(doc).blocks, p);
  if (!block) return;
  const piece = block.pieces.find((x) => x.node instanceof Y.XmlText && x.start < p && p < x.end);
  doc.transact(() => {
    if (!piece) return block.element.insert(childIndexAt(block, p), [new Y.XmlElement("hardBreak")]);
    const node = piece.node as Y.XmlText;
    const text = plainText(node);
    const at = codeUnits(text, p - piece.start);
    node.delete(at, text.length - at);
    const index = block.element.toArray().indexOf(node) + 1;
    block.element.insert(index, [new Y.XmlElement("hardBreak"), new Y.XmlText(text.slice(at))]);
  });
}

/** Brings `to` up to date with everything `from` has. */
export function sync(from: Y.Doc, to: Y.Doc): void {
  Y.applyUpdate(to, Y.encodeStateAsUpdate(from, Y.encodeStateVector(to)));
}
