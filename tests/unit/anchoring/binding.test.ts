import { joinBackward, splitBlock } from "@tiptap/pm/commands";
import { EditorState, TextSelection, type Transaction } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchor } from "../../../lib/anchoring/anchors";
import { COLLAB_FIELD, getEditorSchema } from "../../../lib/editor/extensions";
import { jsonToYUpdate } from "../../../lib/editor/ydoc";

// Edits written to Yjs the way the editor writes them: a ProseMirror transaction, then y-tiptap's
// updateYFragment diffing the new document into the Y.XmlFragment.

const schema = getEditorSchema();
type Edit = (state: EditorState) => EditorState;

/** Annotates [start, end) of "Hello brave new world" + "Second para", applies `edit`, resolves. */
function afterEdit(range: [number, number], edit: Edit) {
  const doc = new Y.Doc();
  const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content: [paragraph("Hello brave new world"), paragraph("Second para")] }));
  const anchor = createAnchor(doc, ...range);
  const fragment = doc.getXmlFragment(COLLAB_FIELD);
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, schema);
  const state = EditorState.create({ doc: pmDoc, schema });
  doc.transact(() => updateYFragment(doc, fragment, edit(state).doc, meta));
  const resolved = resolveAnchor(doc, anchor);
  return resolved.orphaned ? null : resolved.exact;
}

/** A transaction built on the state. */
const change = (build: (state: EditorState) => Transaction): Edit => (state) => state.apply(build(state));

/** A ProseMirror command run with the cursor at `pos`. */
const command = (pos: number, run: typeof splitBlock): Edit => (state) => {
  let result = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  run(result, (tr) => (result = result.apply(tr)));
  return result;
};

describe("anchors with edits made through y-tiptap", () => {
  const brave: [number, number] = [6, 11];
  it("keep typed text at the edges out and typed text inside in", () => {
    expect(afterEdit(brave, change((s) => s.tr.insertText("x", 7)))).toBe("brave");
    expect(afterEdit(brave, change((s) => s.tr.insertText("x", 12)))).toBe("brave");
    expect(afterEdit(brave, change((s) => s.tr.insertText("😀", 9)))).toBe("br😀ave");
  });

  it("survive formatting, which y-tiptap writes as attributes on the same items", () => {
    expect(afterEdit(brave, change((s) => s.tr.addMark(8, 10, schema.marks.bold.create())))).toBe("brave");
    expect(afterEdit(brave, change((s) => s.tr.addMark(1, 22, schema.marks.italic.create())))).toBe("brave");
  });

  it("survive Enter after them and the next paragraph joining theirs", () => {
    expect(afterEdit(brave, command(18, splitBlock))).toBe("brave");
    expect(afterEdit(brave, command(24, joinBackward))).toBe("brave");
  });

  it("keep the part before an Enter typed inside them, as the rest is re-created", () => {
    expect(afterEdit(brave, command(9, splitBlock))).toBe("br");
  });
});
