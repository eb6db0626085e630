import { joinBackward, splitBlock } from "@tiptap/pm/commands";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchor } from "../../../lib/anchoring/anchors";
import { reanchor, type StoredAnchor } from "../../../lib/annotations/reanchor";
import { COLLAB_FIELD, getEditorSchema } from "../../../lib/editor/extensions";
import { jsonToYUpdate } from "../../../lib/editor/ydoc";

const schema = getEditorSchema();
const paragraph = (text: string) => ({ type: "paragraph", content: [{ type: "text", text }] });

function setup(paragraphs: string[], range: [number, number]) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content: paragraphs.map(paragraph) }));
  const anchor = createAnchor(doc, ...range);
  const now = resolveAnchor(doc, anchor);
  if (now.orphaned) throw new Error("fresh anchor orphaned");
  const stored: StoredAnchor = { id: "a1", anchor, start: now.start, end: now.end, exact: now.exact, prefix: now.prefix, suffix: now.suffix, orphaned: false };
  return { doc, stored };
}

/** Runs a ProseMirror edit through y-tiptap, as the browser editor writes it. */
function edit(doc: Y.Doc, run: (state: EditorState) => EditorState) {
  const fragment = doc.getXmlFragment(COLLAB_FIELD);
  const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, schema);
  const next = run(EditorState.create({ doc: pmDoc, schema }));
  doc.transact(() => updateYFragment(doc, fragment, next.doc, meta));
}

const command = (pos: number, cmd: typeof splitBlock) => (state: EditorState) => {
  let result = state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)));
  cmd(result, (tr) => (result = result.apply(tr)));
  return result;
};

describe("reanchor", () => {
  it("reports nothing when the text around the words did not change", () => {
    const { doc, stored } = setup(["Hello brave new world"], [6, 11]);
    expect(reanchor(doc, [stored])).toEqual([]);
  });

  it("moves positions with text typed before the words and keeps the quote", () => {
    const { doc, stored } = setup(["Hello brave new world"], [6, 11]);
    edit(doc, (s) => s.apply(s.tr.insertText("Oh, ", 1)));
    const [change] = reanchor(doc, [stored]);
    expect(change).toMatchObject({ start: 10, end: 15, exact: "brave", orphaned: false, quoteChanged: false, anchorChanged: false });
  });

  it("re-ties the words when Enter before them makes the editor re-create them", () => {
    const { doc, stored } = setup(["Hello brave new world", "Second para"], [6, 11]);
    edit(doc, command(4, splitBlock));
    expect(resolveAnchor(doc, stored.anchor).orphaned).toBe(true);
    const [change] = reanchor(doc, [stored]);
    expect(change).toMatchObject({ exact: "brave", start: 8, end: 13, orphaned: false, anchorChanged: true });
    // The new anchor follows later edits by itself.
    edit(doc, (s) => s.apply(s.tr.insertText("!", 1)));
    expect(resolveAnchor(doc, change.anchor)).toMatchObject({ exact: "brave", start: 9 });
  });

  it("re-ties the words of a paragraph joined into the previous one", () => {
    const { doc, stored } = setup(["First", "Hello brave new world"], [13, 18]);
    edit(doc, command(8, joinBackward));
    const [change] = reanchor(doc, [stored]);
    expect(change).toMatchObject({ exact: "brave", orphaned: false });
  });

  it("orphans deleted words even when the same words remain elsewhere", () => {
    const { doc, stored } = setup(["Hello brave new world", "A brave second brave"], [6, 11]);
    edit(doc, (s) => s.apply(s.tr.delete(7, 12)));
    const [change] = reanchor(doc, [stored]);
    expect(change).toMatchObject({ orphaned: true, orphanChanged: true, start: null, end: null, exact: "brave" });
  });

  it("does not re-tie re-created words whose surroundings changed", () => {
    const { doc, stored } = setup(["Hello brave new world"], [6, 11]);
    // Replace the whole paragraph's text: "brave" comes back, but in other words' company.
    edit(doc, (s) => s.apply(s.tr.insertText("Goodbye brave old world", 1, 22)));
    const [change] = reanchor(doc, [stored]);
    expect(change?.orphaned).toBe(true);
  });
});

describe("reanchor at the edges of the text", () => {
  it("re-ties words at the very start of the document after Enter before them", () => {
    const { doc, stored } = setup(["brave new world"], [0, 5]);
    edit(doc, command(1, splitBlock));
    const [change] = reanchor(doc, [stored]);
    expect(change).toMatchObject({ exact: "brave", orphaned: false, start: 2, end: 7 });
  });
});
