// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { Editor } from "@tiptap/core";
import type { Editor as ReactEditor } from "@tiptap/react";
import { TextSelection } from "@tiptap/pm/state";
import { createToolbarStateReader } from "@/components/editor/editor-toolbar";
import { Collaboration } from "@tiptap/extension-collaboration";
import * as Y from "yjs";
import { COLLAB_FIELD, editorExtensions } from "@/lib/editor/extensions";

let editor: Editor | null = null;

afterEach(() => {
  editor?.destroy();
  editor = null;
});

function makeEditor(): ReactEditor {
  // As on the reading page: the text lives in a Y.Doc and undo is the Yjs UndoManager's.
  const extensions = [...editorExtensions, Collaboration.configure({ document: new Y.Doc(), field: COLLAB_FIELD })];
  editor = new Editor({ element: document.body.appendChild(document.createElement("div")), extensions });
  editor.commands.insertContent("Marginal notes travel with their words.");
  return editor as unknown as ReactEditor;
}

describe("the editor toolbar's state", () => {
  it("is not computed again for a transaction that changes neither the text, the selection nor the stored marks", () => {
    const current = makeEditor();
    const read = createToolbarStateReader();
    const before = read(current);
    // What the highlights' viewport window dispatches: metadata only.
    current.view.dispatch(current.state.tr.setMeta("highlightWindow", { from: 0, to: 10 }));
    expect(read(current)).toBe(before);
  });

  it("is computed again when the selection, the stored marks or the text change", () => {
    const current = makeEditor();
    const read = createToolbarStateReader();
    const first = read(current);
    current.view.dispatch(current.state.tr.setSelection(TextSelection.create(current.state.doc, 3)));
    const moved = read(current);
    expect(moved).not.toBe(first);
    expect(moved.bold.active).toBe(false);

    current.view.dispatch(current.state.tr.addStoredMark(current.schema.marks.bold.create()));
    const marked = read(current);
    expect(marked).not.toBe(moved);
    expect(marked.bold.active).toBe(true);

    current.view.dispatch(current.state.tr.insertText("x"));
    const typed = read(current);
    expect(typed).not.toBe(marked);
    expect(typed.undo.enabled).toBe(true);
  });
});
