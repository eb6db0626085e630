// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { EditorState } from "@tiptap/pm/state";
import { EditorView } from "@tiptap/pm/view";
import { createHighlightPlugin, highlightPluginKey, setActiveHighlight, setHighlights, setHighlightWindow, type PositionRange } from "@/components/annotations/highlight-plugin";
import { highlightSegments } from "@/lib/editor/highlight-segments";
import { getEditorSchema } from "@/lib/editor/extensions";

const schema = getEditorSchema();
const paragraphs = ["Marginal notes travel with their words.", "A second paragraph, also annotated here.", "The third one has a note too.", "And the last one is far below."];
let view: EditorView | null = null;

afterEach(() => {
  view?.destroy();
  view = null;
});

/** An editor on the paragraphs with one note on `word` in each, drawn for the blocks in `window` (by paragraph index). */
function editorWithNotes(word: string, first: number, last: number) {
  const doc = schema.node("doc", null, paragraphs.map((p) => schema.node("paragraph", null, [schema.text(p)])));
  view = new EditorView(document.body.appendChild(document.createElement("div")), { state: EditorState.create({ doc, plugins: [createHighlightPlugin(() => false)] }) });
  const ranges = new Map<string, PositionRange>();
  const starts: number[] = [];
  doc.forEach((block, offset, i) => {
    starts.push(offset);
    const at = block.textContent.indexOf(word);
    if (at >= 0) ranges.set(`note-${i}`, { from: offset + 1 + at, to: offset + 1 + at + word.length });
  });
  const segments = highlightSegments([...ranges].map(([id, r]) => ({ id, ...r, mine: false, private: false, pending: false }))).map((s, key) => ({ ...s, key }));
  setHighlights(view, ranges, segments, new Set());
  setHighlightWindow(view, { from: starts[first], to: starts[last] + doc.child(last).nodeSize });
  return view;
}

const spans = (v: EditorView) => [...v.dom.querySelectorAll<HTMLElement>("span.anno-hl")];

describe("highlights drawn as decorations", () => {
  it("draws the notes' words only in the blocks of the window, each listing its notes", () => {
    const v = editorWithNotes("a", 1, 2);
    expect(spans(v).map((s) => s.dataset.annotationIds)).toEqual(["note-1", "note-2"]);
    expect(spans(v).every((s) => s.dataset.depth === "1" && s.textContent === "a")).toBe(true);
    expect(v.dom.children[0].querySelector(".anno-hl")).toBeNull();
    expect(v.dom.children[3].querySelector(".anno-hl")).toBeNull();
  });

  it("re-renders only the paragraph a keystroke changed: the other highlights keep their elements", () => {
    const v = editorWithNotes("note", 0, 3);
    const before = spans(v);
    expect(before.map((s) => s.dataset.annotationIds)).toEqual(["note-0", "note-2"]);
    // Typing inside the first note's word, in the first paragraph.
    const first = before[0];
    const pos = v.posAtDOM(first.firstChild!, 2);
    v.dispatch(v.state.tr.insertText("X", pos));
    const after = spans(v);
    expect(after[0].textContent).toBe("noXte");
    expect(after[1]).toBe(before[1]);
    expect(after[1].textContent).toBe("note");
  });

  it("draws the focused thread's words even outside the window, and moves the window with the text", () => {
    const v = editorWithNotes("a", 1, 1);
    setActiveHighlight(v, "note-3");
    expect(v.dom.children[3].querySelector(".anno-active")?.textContent).toBe("a");
    v.dispatch(v.state.tr.insertText("Before. ", 1));
    expect(spans(v).map((s) => s.dataset.annotationIds)).toEqual(["note-1"]);
    expect(v.dom.children[1].querySelector(".anno-hl")?.textContent).toBe("a");
    expect(v.dom.children[3].querySelector(".anno-active")?.textContent).toBe("a");
  });

  it("keeps overlapping notes' pieces touching when text is typed where they meet, as the tracked pieces have it", () => {
    const v = editorWithNotes("a", 0, 3);
    const doc = v.state.doc;
    // Two overlapping notes on the first paragraph's "travel with their": pieces [travel ][with][ their].
    const start = doc.textBetween(0, doc.child(0).nodeSize).indexOf("travel") + 1;
    const one = { from: start, to: start + "travel with".length };
    const two = { from: start + "travel ".length, to: start + "travel with their".length };
    const ranges = new Map([["one", one], ["two", two]]);
    const segments = highlightSegments([...ranges].map(([id, r]) => ({ id, ...r, mine: false, private: false, pending: false }))).map((s, key) => ({ ...s, key }));
    setHighlights(v, ranges, segments, new Set());
    v.dispatch(v.state.tr.insertText("X", two.from));
    const pieces = spans(v).map((s) => [s.textContent, s.dataset.annotationIds]);
    expect(pieces).toEqual([["travel ", "one"], ["Xwith", "two one"], [" their", "two"]]);
    const state = highlightPluginKey.getState(v.state)!;
    expect(state.segments.map((s) => v.state.doc.textBetween(s.from, s.to))).toEqual(["travel ", "Xwith", " their"]);
  });
});
