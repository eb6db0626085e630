import { getSchema, type Extensions } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { StarterKit } from "@tiptap/starter-kit";
import { isSafeHref, LINK_REL, LINK_TARGET } from "./links";

/** Name of the Y.XmlFragment holding the document; Tiptap's Collaboration default, not y-tiptap's "prosemirror". */
export const COLLAB_FIELD = "default";

/** The one extension list defining Marginalia's schema; editor, import, render and Yjs conversion all use it. */
export const editorExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3, 4] },
    codeBlock: false,
    underline: false,
    // Collaboration brings a Yjs-aware undo; the local history would undo other people's edits.
    undoRedo: false,
    // Every client appending its own trailing paragraph at once duplicates them in a shared doc.
    trailingNode: false,
    link: {
      openOnClick: false,
      autolink: true,
      linkOnPaste: true,
      defaultProtocol: "https",
      HTMLAttributes: { target: LINK_TARGET, rel: LINK_REL, class: null },
      // `protocols` only adds schemes to Tiptap's permissive default list, so the limit lives here.
      isAllowedUri: (url) => isSafeHref(url),
    },
  }),
];

let schema: Schema | undefined;

/** The ProseMirror schema of editorExtensions, built once; do not mix its nodes with an Editor's own schema instance. */
export function getEditorSchema(): Schema {
  schema ??= getSchema(editorExtensions);
  return schema;
}
