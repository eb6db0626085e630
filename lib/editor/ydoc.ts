import type { JSONContent } from "@tiptap/core";
import { prosemirrorJSONToYDoc, yXmlFragmentToProseMirrorRootNode } from "@tiptap/y-tiptap";
import * as Y from "yjs";
import { COLLAB_FIELD, getEditorSchema } from "./extensions";

/**
 * Encodes a ProseMirror JSON doc as the full state update of a fresh Y.Doc (fragment COLLAB_FIELD).
 * Only for seeding a new document: applying it to a doc that already has content duplicates it.
 */
export function jsonToYUpdate(json: JSONContent): Uint8Array {
  // y-tiptap's default fragment name is "prosemirror"; Tiptap's Collaboration reads "default".
  const ydoc = prosemirrorJSONToYDoc(getEditorSchema(), json, COLLAB_FIELD);
  try {
    return Y.encodeStateAsUpdate(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/**
 * Converts a Yjs update holding a whole document (jsonToYUpdate output, a stored state) to JSON.
 * An empty fragment yields a doc with one empty paragraph, as the editor would show it.
 */
export function yUpdateToJSON(update: Uint8Array): JSONContent {
  const ydoc = new Y.Doc();
  try {
    Y.applyUpdate(ydoc, update);
    const schema = getEditorSchema();
    const root = yXmlFragmentToProseMirrorRootNode(ydoc.getXmlFragment(COLLAB_FIELD), schema);
    const doc = schema.topNodeType.createAndFill(null, root.content) ?? root;
    return doc.toJSON() as JSONContent;
  } finally {
    ydoc.destroy();
  }
}

/**
 * Reads a live Y.Doc as ProseMirror JSON without touching it.
 * Trap: y-tiptap's reader deletes Y elements the schema rejects and merges adjacent Y.Texts,
 * which on a server doc would broadcast as edits; so this reads a copy of the state instead.
 */
export function yDocToJSON(ydoc: Y.Doc): JSONContent {
  return yUpdateToJSON(Y.encodeStateAsUpdate(ydoc));
}
