import { joinBackward, splitBlock } from "@tiptap/pm/commands";
import { EditorState, TextSelection } from "@tiptap/pm/state";
import { initProseMirrorDoc, updateYFragment } from "@tiptap/y-tiptap";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchor } from "../../../lib/anchoring/anchors";
import { reanchor, type StoredAnchor } from "../../../lib/annotations/reanchor";
import { buildProjectionMap } from "../../../lib/anchoring/projection-map";
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

/**
 * The editor's undo, as y-tiptap runs it: a Y.UndoManager re-inserts deleted words as new
 * characters on the client that undid, and the server's copy (here `server`, fed the updates)
 * knows nothing of which old characters they replace.
 */
function undoable(paragraphs: string[], range: [number, number]) {
  const { doc: server, stored } = setup(paragraphs, range);
  const client = new Y.Doc();
  Y.applyUpdate(client, Y.encodeStateAsUpdate(server));
  client.on("update", (update: Uint8Array) => Y.applyUpdate(server, update));
  const origin = { editor: true };
  const fragment = client.getXmlFragment(COLLAB_FIELD);
  const undo = new Y.UndoManager(fragment, { trackedOrigins: new Set([origin]) });
  const typed = (run: (state: EditorState) => EditorState) => {
    const { doc: pmDoc, meta } = initProseMirrorDoc(fragment, schema);
    const next = run(EditorState.create({ doc: pmDoc, schema }));
    client.transact(() => updateYFragment(client, fragment, next.doc, meta), origin);
  };
  return { server, stored, typed, undo };
}

/** The stored anchor after `change` was saved, as the collaboration server keeps it. */
const saved = (last: StoredAnchor, change: ReturnType<typeof reanchor>[number]): StoredAnchor => ({
  id: change.id,
  anchor: change.anchor,
  start: change.start,
  end: change.end,
  exact: change.orphaned ? last.exact : change.exact,
  prefix: change.orphaned ? last.prefix : change.prefix,
  suffix: change.orphaned ? last.suffix : change.suffix,
  orphaned: change.orphaned,
});

describe("reanchor after an undo brings deleted words back", () => {
  it("re-attaches an orphan whose words an undo put back where they were deleted", () => {
    const { server, stored, typed, undo } = undoable(["Hello brave new world", "Second para"], [6, 15]);
    typed((s) => s.apply(s.tr.delete(6, 17)));
    const [lost] = reanchor(server, [stored]);
    expect(lost).toMatchObject({ orphaned: true, orphanChanged: true });
    const orphan = saved(stored, lost);
    // Stored while orphaned: nothing changes while the words stay away.
    expect(reanchor(server, [orphan])).toEqual([]);

    undo.undo();
    expect(buildText(server)).toBe("Hello brave new world\n\nSecond para");
    const [back] = reanchor(server, [orphan]);
    expect(back).toMatchObject({ orphaned: false, orphanChanged: true, anchorChanged: true, exact: "brave new", start: 6, end: 15 });
    // The new anchor is tied to the re-created characters: it follows later edits by itself.
    typed((s) => s.apply(s.tr.insertText("Oh, ", 1)));
    expect(resolveAnchor(server, back.anchor)).toMatchObject({ exact: "brave new", start: 10 });
  });

  it("re-attaches a passage across paragraphs deleted whole and brought back by undo", () => {
    const { server, stored, typed, undo } = undoable(["Intro line", "Hello brave new world", "Second para", "Tail"], [12, 46]);
    expect(stored.exact).toBe("Hello brave new world\n\nSecond para");
    typed((s) => s.apply(s.tr.delete(12, 47)));
    const [lost] = reanchor(server, [stored]);
    expect(lost?.orphaned).toBe(true);
    undo.undo();
    const [back] = reanchor(server, [saved(stored, lost)]);
    expect(back).toMatchObject({ orphaned: false, exact: "Hello brave new world\n\nSecond para" });
  });

  it("leaves an orphan alone when its words come back somewhere else", () => {
    const { server, stored, typed } = undoable(["Hello brave new world", "Second para"], [6, 11]);
    typed((s) => s.apply(s.tr.delete(7, 13)));
    const orphan = saved(stored, reanchor(server, [stored])[0]);
    // The same word typed again, at the end of the text: same words, not the same place.
    typed((s) => s.apply(s.tr.insertText(" brave new", s.doc.content.size - 1)));
    expect(reanchor(server, [orphan])).toEqual([]);
  });

  it("leaves an orphan alone when its words come back in other company", () => {
    const { server, stored, typed } = undoable(["Hello brave new world", "Second para"], [6, 11]);
    typed((s) => s.apply(s.tr.delete(7, 13)));
    const orphan = saved(stored, reanchor(server, [stored])[0]);
    typed((s) => s.apply(s.tr.insertText("brave old ", 7)));
    expect(buildText(server)).toBe("Hello brave old new world\n\nSecond para");
    expect(reanchor(server, [orphan])).toEqual([]);
  });
});

function buildText(doc: Y.Doc): string {
  return buildProjectionMap(doc).text;
}
