/**
 * Editor-like edits on a Y.Doc made of top-level textblocks (paragraphs, headings) with one
 * Y.XmlText each — what jsonToYUpdate makes of bench/lib/corpus.ts — addressed by projection
 * offsets, with every character's identity tracked so a benchmark can tell whether an anchor
 * still sits on the words it was made on.
 *
 * As in tests/unit/anchoring/edits.ts, a paragraph split or join re-creates the moved text as
 * new Yjs items (y-tiptap does), so those characters get new identities. Besides the Yjs
 * identity ("strict") each character therefore has a lineage ("origin"): the character it was
 * copied from by a split or join, transitively — the same words for a reader, new items for Yjs.
 *
 * Characters are keyed by one number, clientIndex × 2^32 + clock (clients numbered as first seen).
 * Only BMP text (one UTF-16 unit per code point), which bench/lib/corpus.ts guarantees.
 */
import * as Y from "yjs";
import { COLLAB_FIELD } from "../../lib/editor/extensions";

export type Block = { element: Y.XmlElement; text: Y.XmlText; start: number; length: number };

/** The document's characters in projection order, with their identities; separators have key -1. */
export type Snapshot = { text: string; strict: Float64Array; origin: Float64Array };

const CLIENT_FACTOR = 2 ** 32;

export class TrackedDoc {
  private readonly clients = new Map<number, number>();
  /** Key of a character a split or join re-created → key of the character it stands for. */
  private readonly lineage = new Map<number, number>();
  readonly fragment: Y.XmlFragment;

  constructor(readonly doc: Y.Doc) {
    this.fragment = doc.getXmlFragment(COLLAB_FIELD);
  }

  key(client: number, clock: number): number {
    let index = this.clients.get(client);
    if (index === undefined) this.clients.set(client, (index = this.clients.size));
    return index * CLIENT_FACTOR + clock;
  }

  origin(key: number): number {
    return this.lineage.get(key) ?? key;
  }

  /** The textblocks with their projection ranges; O(blocks). */
  layout(): Block[] {
    const blocks: Block[] = [];
    let offset = 0;
    for (const child of this.fragment.toArray()) {
      if (!(child instanceof Y.XmlElement)) continue;
      const text = child.get(0);
      if (!(text instanceof Y.XmlText) || child.length !== 1) throw new Error("bench documents hold one Y.XmlText per block");
      if (blocks.length) offset += 2;
      blocks.push({ element: child, text, start: offset, length: text.length });
      offset += text.length;
    }
    return blocks;
  }

  /** The block holding offset p (a block's end counts as inside it); in a separator, the block before. */
  blockAt(blocks: Block[], p: number): { block: Block; index: number } {
    let lo = 0;
    let hi = blocks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (blocks[mid].start <= p) lo = mid;
      else hi = mid - 1;
    }
    return { block: blocks[lo], index: lo };
  }

  /** Keys of the live characters [from, to) of a Y.XmlText (UTF-16 indexes). */
  keysOf(text: Y.XmlText, from = 0, to = Number.POSITIVE_INFINITY): number[] {
    const keys: number[] = [];
    let unit = 0;
    for (let item = text._start; item !== null && unit < to; item = item.right) {
      if (item.deleted || !(item.content instanceof Y.ContentString)) continue;
      const length = item.content.str.length;
      for (let k = Math.max(0, from - unit); k < length && unit + k < to; k++) keys.push(this.key(item.id.client, item.id.clock + k));
      unit += length;
    }
    return keys;
  }

  /** Characters with their identities, in projection order. */
  snapshot(): Snapshot {
    const parts: string[] = [];
    const strict: number[] = [];
    for (const block of this.layout()) {
      if (parts.length) {
        parts.push("\n\n");
        strict.push(-1, -1);
      }
      parts.push(block.text.toString());
      for (const key of this.keysOf(block.text)) strict.push(key);
    }
    const text = parts.join("");
    if (text.length !== strict.length) throw new Error("bench documents must be plain text (no formatting)");
    const origin = Float64Array.from(strict, (k) => (k < 0 ? k : this.origin(k)));
    return { text, strict: Float64Array.from(strict), origin };
  }

  /** Current offset of a live character, or null when it is deleted. */
  offsetOfKey(key: number, blocks: Block[]): number | null {
    const index = Math.floor(key / CLIENT_FACTOR);
    const client = [...this.clients.entries()].find(([, i]) => i === index)?.[0];
    if (client === undefined) return null;
    const id = Y.createID(client, key % CLIENT_FACTOR);
    if (Y.getState(this.doc.store, client) <= id.clock) return null;
    const item = Y.getItem(this.doc.store, id);
    if (!(item instanceof Y.Item) || item.deleted) return null;
    const position = Y.createAbsolutePositionFromRelativePosition(Y.createRelativePositionFromJSON({ item: { client, clock: id.clock }, assoc: 0 }), this.doc);
    if (!position) return null;
    const block = blocks.find((b) => b.text === position.type);
    return block ? block.start + position.index : null;
  }

  insertText(p: number, text: string): void {
    const { block } = this.blockAt(this.layout(), p);
    block.text.insert(Math.min(Math.max(0, p - block.start), block.length), text);
  }

  /** Deletes [p, q) clamped to the block holding p. */
  deleteText(p: number, q: number): number {
    const { block } = this.blockAt(this.layout(), p);
    const from = Math.max(0, p - block.start);
    const to = Math.min(block.length, q - block.start);
    if (to > from) block.text.delete(from, to - from);
    return Math.max(0, to - from);
  }

  /** Records that the characters `created` stand for `moved`, in order. */
  private inherit(moved: number[], created: number[]) {
    if (moved.length !== created.length) throw new Error(`moved ${moved.length} characters but created ${created.length}`);
    for (let i = 0; i < moved.length; i++) this.lineage.set(created[i], this.origin(moved[i]));
  }

  /** Enter at p: the rest of the block moves, as new items, into a new block of the same kind after it. */
  splitBlock(p: number): void {
    const { block } = this.blockAt(this.layout(), p);
    const at = Math.min(Math.max(0, p - block.start), block.length);
    const tail = block.text.toString().slice(at);
    const moved = this.keysOf(block.text, at);
    const created = new Y.XmlElement(block.element.nodeName);
    for (const [name, value] of Object.entries(block.element.getAttributes())) created.setAttribute(name, value as string);
    const text = new Y.XmlText(tail);
    created.insert(0, [text]);
    this.doc.transact(() => {
      if (tail.length) block.text.delete(at, tail.length);
      this.fragment.insert(this.fragment.toArray().indexOf(block.element) + 1, [created]);
    });
    this.inherit(moved, this.keysOf(text));
  }

  /** Backspace at the start of block `index` + 1: its text moves, as new items, to the end of block `index`. */
  joinBlocks(index: number): void {
    const blocks = this.layout();
    const [first, second] = [blocks[index], blocks[index + 1]];
    if (!first || !second) return;
    const moved = this.keysOf(second.text);
    const content = second.text.toString();
    this.doc.transact(() => {
      this.fragment.delete(this.fragment.toArray().indexOf(second.element), 1);
      if (content.length) first.text.insert(first.length, content);
    });
    this.inherit(moved, this.keysOf(first.text, first.length));
  }
}
