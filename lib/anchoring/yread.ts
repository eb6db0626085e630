/**
 * Reads a document's Y.XmlFragment as y-tiptap would turn it into ProseMirror nodes, without
 * building them: an element the schema rejects (unknown name, invalid content) is dropped with
 * everything inside it, and so is a Y.XmlText carrying an unknown mark, exactly as
 * yXmlFragmentToProseMirrorRootNode does (it deletes them; we only skip them). Attribute values
 * are not validated: no node or mark of the editor schema has a required attribute.
 */
import type { ContentMatch, NodeType, Schema } from "@tiptap/pm/model";
import * as Y from "yjs";

/** A Y.XmlText inside a textblock, with its live string items in order. */
export interface TextLeaf {
  kind: "text";
  type: Y.XmlText;
  items: Y.Item[];
}

/** An inline element: a hardBreak projects to "\n", any other inline node to nothing. */
export interface InlineLeaf {
  kind: "hardBreak" | "inline";
  type: Y.XmlElement;
}

/** A textblock (paragraph, heading): `inline[i]` is its i-th live Yjs child, null when dropped. */
export interface BlockNode {
  kind: "block";
  type: Y.XmlElement;
  inline: (TextLeaf | InlineLeaf | null)[];
}

/** Anything else holding blocks (the fragment, lists, quotes) or nothing (a rule): children by Yjs index. */
export interface ContainerNode {
  kind: "container";
  type: Y.XmlElement | Y.XmlFragment;
  children: (BlockNode | ContainerNode | InlineLeaf | null)[];
}

/** Any shared type; Yjs parameterises them by event type, which nothing here looks at. */
export type YType = Y.AbstractType<any>;

type Read = BlockNode | ContainerNode | InlineLeaf | TextLeaf;

// y-tiptap stores overlapping marks under "name--hash" keys.
const HASHED_MARK = /(.*)(--[a-zA-Z0-9+/=]{8})$/;

/** The children of a Yjs list type that exist now, by index (what toArray returns); null for non-types. */
export function liveChildren(type: YType): (YType | null)[] {
  const children: (YType | null)[] = [];
  for (let item = type._start; item !== null; item = item.right) {
    if (!item.deleted && item.countable) children.push(item.content instanceof Y.ContentType ? item.content.type : null);
  }
  return children;
}

function readText(text: Y.XmlText, schema: Schema): TextLeaf | null {
  const items: Y.Item[] = [];
  const active = new Map<string, boolean>();
  let unknownActive = 0;
  for (let item = text._start; item !== null; item = item.right) {
    if (item.deleted) continue;
    const content = item.content;
    if (content instanceof Y.ContentFormat) {
      const known = Boolean(schema.marks[HASHED_MARK.exec(content.key)?.[1] ?? content.key]);
      if (active.get(content.key) === false) unknownActive--;
      if (content.value === null) active.delete(content.key);
      else {
        active.set(content.key, known);
        if (!known) unknownActive++;
      }
    } else if (content instanceof Y.ContentString) {
      if (unknownActive > 0) return null;
      items.push(item);
    } else if (item.countable) {
      // Embeds never come from the editor; y-tiptap would make nonsense text nodes of them.
      return null;
    }
  }
  return { kind: "text", type: text, items };
}

function readElement(element: Y.XmlElement, schema: Schema): { read: Read; nodeType: NodeType } | null {
  const nodeType = schema.nodes[element.nodeName];
  if (!nodeType || nodeType.isText) return null;
  let match: ContentMatch | null = nodeType.contentMatch;
  const children: (Read | null)[] = [];
  for (const child of liveChildren(element)) {
    let read: Read | null = null;
    if (child instanceof Y.XmlText) {
      read = readText(child, schema);
      if (read && read.items.length > 0) match = match?.matchType(schema.nodes.text) ?? null;
    } else if (child instanceof Y.XmlElement) {
      const result = readElement(child, schema);
      if (result) {
        read = result.read;
        match = match?.matchType(result.nodeType) ?? null;
      }
    }
    children.push(read);
  }
  if (!match || !match.validEnd) return null;
  if (nodeType.isTextblock) {
    const inline = children.map((c) => (c && (c.kind === "text" || c.kind === "hardBreak" || c.kind === "inline") ? c : null));
    return { read: { kind: "block", type: element, inline }, nodeType };
  }
  if (nodeType.isInline) return { read: { kind: nodeType.name === "hardBreak" ? "hardBreak" : "inline", type: element }, nodeType };
  const blocks = children.map((c) => (c && c.kind !== "text" ? c : null));
  return { read: { kind: "container", type: element, children: blocks }, nodeType };
}

/**
 * Reads the fragment top-down. Top-level elements are kept whatever their order, as the doc node
 * y-tiptap builds is not checked; a top-level Y.XmlText (which y-tiptap cannot read) is skipped.
 */
export function readFragment(fragment: Y.XmlFragment, schema: Schema): ContainerNode {
  const children = liveChildren(fragment).map((child) => {
    if (!(child instanceof Y.XmlElement)) return null;
    const read = readElement(child, schema)?.read;
    return read && read.kind !== "text" ? read : null;
  });
  return { kind: "container", type: fragment, children };
}
