import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { EditorState } from "@tiptap/pm/state";
import { Slice, Fragment } from "@tiptap/pm/model";
import { changeMapping, diffMapping, replacesWholeDocument } from "@/components/annotations/doc-change-mapping";
import { mapRanges, mapSegments } from "@/components/annotations/highlight-plugin";
import { highlightSegments, idsAt, type HighlightRange } from "@/lib/editor/highlight-segments";
import type { KeyedSegment } from "@/components/annotations/highlight-decorations";
import { getEditorSchema } from "@/lib/editor/extensions";

const schema = getEditorSchema();
const docOf = (...paragraphs: string[]) => schema.node("doc", null, paragraphs.map((p) => schema.node("paragraph", null, p ? [schema.text(p)] : [])));
const stateOf = (...paragraphs: string[]) => EditorState.create({ schema, doc: docOf(...paragraphs) });

/** y-tiptap's way of applying a remote change: the whole document replaced by a freshly built one. */
function remoteReplace(state: EditorState, ...paragraphs: string[]) {
  const next = docOf(...paragraphs);
  return state.tr.replace(0, state.doc.content.size, new Slice(Fragment.from(next.content), 0, 0));
}

/** Positions of `words` in a doc (ProseMirror positions; text starts at 1 in the first paragraph). */
function rangeOf(state: EditorState, words: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null;
  state.doc.descendants((node, pos) => {
    if (found || !node.isText) return !found;
    const at = node.text!.indexOf(words);
    if (at >= 0) found = { from: pos + at, to: pos + at + words.length };
    return false;
  });
  if (!found) throw new Error(`"${words}" not in the doc`);
  return found;
}

const textAt = (state: EditorState, r: { from: number; to: number }) => state.doc.textBetween(r.from, r.to, "\n\n");

describe("changeMapping", () => {
  it("maps highlights through a remote keystroke replacing the whole document, as if only that keystroke happened", () => {
    const state = stateOf("The first paragraph.", "Marginal notes travel with their words.", "The end.");
    const words = rangeOf(state, "travel with their");
    const tr = remoteReplace(state, "The first paragraph, indeed.", "Marginal notes travel with their words.", "The end.");
    expect(replacesWholeDocument(tr)).toBe(true);
    // A plain mapping loses them: every position lands at an end of the replaced document.
    expect(mapRanges(new Map([["a", words]]), tr.mapping).get("a")).toBeUndefined();
    const mapped = mapRanges(new Map([["a", words]]), changeMapping(tr)).get("a")!;
    expect(textAt(state.apply(tr), mapped)).toBe("travel with their");
  });

  it("keeps text typed at an edge outside and text typed inside in, like the anchors", () => {
    const state = stateOf("one two three four");
    const words = rangeOf(state, "two three");
    const atStart = state.apply(remoteReplace(state, "one Xtwo three four"));
    const inside = state.apply(remoteReplace(state, "one two Ythree four"));
    const atEnd = state.apply(remoteReplace(state, "one two threeZ four"));
    const map = (next: EditorState, tr = remoteReplace(state, next.doc.textContent)) => mapRanges(new Map([["a", words]]), changeMapping(tr)).get("a")!;
    expect(textAt(atStart, map(atStart))).toBe("two three");
    expect(textAt(inside, map(inside))).toBe("two Ythree");
    expect(textAt(atEnd, map(atEnd))).toBe("two three");
  });

  it("drops a highlight whose words were all deleted", () => {
    const state = stateOf("keep these words please");
    const tr = remoteReplace(state, "keep please");
    expect(mapRanges(new Map([["a", rangeOf(state, "these words")]]), changeMapping(tr)).size).toBe(0);
  });

  it("uses a local edit's own mapping", () => {
    const state = stateOf("alpha beta gamma");
    const tr = state.tr.insertText("NEW ", 1);
    expect(replacesWholeDocument(tr)).toBe(false);
    expect(changeMapping(tr)).toBe(tr.mapping);
    const next = state.apply(tr);
    expect(textAt(next, mapRanges(new Map([["a", rangeOf(state, "beta")]]), changeMapping(tr)).get("a")!)).toBe("beta");
  });

  it("finds any single remote insertion or deletion exactly, so highlights keep their words", () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), fc.string({ maxLength: 5 }), (raw, a, b, inserted) => {
        const text = raw.replace(/[^a-z ]/g, "x") || "x";
        const state = stateOf(text);
        const from = 1 + (a % text.length);
        const to = Math.min(1 + text.length, from + 1 + (b % 5));
        const at = 1 + ((a * 7 + b) % (text.length + 1));
        const edited = text.slice(0, at - 1) + inserted.replace(/[^a-z]/g, "q") + text.slice(at - 1);
        const tr = remoteReplace(state, edited);
        const next = state.apply(tr);
        const mapped = mapRanges(new Map([["a", { from, to }]]), diffMapping(state.doc, next.doc)).get("a");
        // The words survive (an insertion never deletes), possibly grown by what was typed inside.
        expect(mapped).toBeDefined();
        const before = textAt(state, { from, to });
        const after = textAt(next, mapped!);
        expect(after.length).toBeGreaterThanOrEqual(before.length);
      }),
    );
  });
});

describe("mapSegments", () => {
  const key = (segments: ReturnType<typeof highlightSegments>): KeyedSegment[] => segments.map((s, i) => ({ ...s, key: i + 1 }));
  const range = (id: string, from: number, to: number): HighlightRange => ({ id, from, to, mine: false, private: false, pending: false });

  it("keeps pieces in order and touching, with their keys, through an edit; text typed between two joins one of them", () => {
    const state = stateOf("abcdefghijklmnop");
    const segments = key(highlightSegments([range("a", 2, 10), range("b", 6, 14)]));
    const tr = state.tr.insertText("XY", 6);
    const mapped = mapSegments(segments, tr.mapping);
    expect(mapped.map((s) => s.key)).toEqual(segments.map((s) => s.key));
    for (let i = 1; i < mapped.length; i++) expect(mapped[i].from).toBe(mapped[i - 1].to);
    expect(idsAt(mapped, 7)).not.toEqual([]);
  });

  it("drops pieces whose words were deleted and keeps the rest", () => {
    const state = stateOf("abcdefghijklmnop");
    const segments = key(highlightSegments([range("a", 2, 4), range("b", 8, 12)]));
    const tr = state.tr.delete(1, 6);
    const mapped = mapSegments(segments, tr.mapping);
    expect(mapped.map((s) => s.ids)).toEqual([["b"]]);
    expect(mapped[0]).toMatchObject({ from: 3, to: 7 });
  });

  it("maps only what lies after an edit: three thousand pieces before it keep their objects, and the result is the full mapping's", () => {
    const ranges = Array.from({ length: 6000 }, (_, i) => range(`n${i}`, 1 + i * 30, 1 + i * 30 + 5 + (i % 4) * 20));
    const segments = key(highlightSegments(ranges));
    const state = stateOf("x".repeat(6000 * 30 + 100));
    const mid = 1 + 3000 * 30 + 2;
    const tr = state.tr.insertText("typed", mid).delete(mid + 40, mid + 90);
    const mapped = mapSegments(segments, tr.mapping);
    const naive = segments.map((s) => ({ ...s, from: tr.mapping.map(s.from, 1), to: tr.mapping.map(s.to, -1) })).filter((s) => s.to > s.from);
    expect(mapped.map((s) => [s.key, s.from, s.to])).toEqual(naive.map((s) => [s.key, s.from, s.to]));
    const before = segments.filter((s) => s.to < mid);
    expect(before.length).toBeGreaterThan(2900);
    before.forEach((s, i) => expect(mapped[i]).toBe(s));

    const positions = new Map(ranges.map((r) => [r.id, { from: r.from, to: r.to }]));
    const movedRanges = mapRanges(positions, tr.mapping);
    for (const [id, r] of positions) {
      const from = tr.mapping.map(r.from, 1);
      const to = tr.mapping.map(r.to, -1);
      if (to > from) expect(movedRanges.get(id)).toEqual({ from, to });
      else expect(movedRanges.has(id)).toBe(false);
      if (r.to < mid) expect(movedRanges.get(id)).toBe(r);
    }
  });
});
