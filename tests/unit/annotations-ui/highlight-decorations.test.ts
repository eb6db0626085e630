import { describe, expect, it } from "vitest";
import { highlightDecorations, segmentAttributes, segmentsInWindow, type KeyedSegment } from "@/components/annotations/highlight-decorations";
import { windowAround } from "@/components/annotations/highlight-plugin";
import { highlightSegments, type HighlightRange } from "@/lib/editor/highlight-segments";
import { getEditorSchema } from "@/lib/editor/extensions";

const schema = getEditorSchema();
const docOf = (...paragraphs: string[]) => schema.node("doc", null, paragraphs.map((p) => schema.node("paragraph", null, p ? [schema.text(p)] : [])));
const range = (id: string, from: number, to: number, extra: Partial<HighlightRange> = {}): HighlightRange => ({ id, from, to, mine: false, private: false, pending: false, ...extra });
const keyed = (ranges: HighlightRange[]): KeyedSegment[] => highlightSegments(ranges).map((s, i) => ({ ...s, key: i + 1 }));

describe("segmentsInWindow", () => {
  const segments = keyed([range("a", 1, 5), range("b", 10, 20), range("c", 30, 40), range("d", 50, 60)]);

  it("keeps the pieces that reach into the window, edges included, in order", () => {
    expect(segmentsInWindow(segments, { from: 15, to: 35 }).map((s) => s.ids[0])).toEqual(["b", "c"]);
    expect(segmentsInWindow(segments, { from: 20, to: 30 }).map((s) => s.ids[0])).toEqual(["c"]);
    expect(segmentsInWindow(segments, { from: 0, to: 100 })).toHaveLength(4);
  });

  it("draws nothing in an empty window or between pieces", () => {
    expect(segmentsInWindow(segments, { from: 0, to: -1 })).toEqual([]);
    expect(segmentsInWindow(segments, { from: 21, to: 29 })).toEqual([]);
    expect(segmentsInWindow([], { from: 0, to: 100 })).toEqual([]);
  });

  it("finds the window among thousands of pieces without drawing the rest", () => {
    const many = keyed(Array.from({ length: 3000 }, (_, i) => range(`n${i}`, i * 30 + 1, i * 30 + 20)));
    const shown = segmentsInWindow(many, { from: 45_000, to: 48_000 });
    expect(shown.length).toBe(100);
    expect(shown.every((s) => s.to >= 45_000 && s.from <= 48_000)).toBe(true);
  });
});

describe("segmentAttributes", () => {
  it("carries the tint, the line and the annotations of a piece", () => {
    const [others, overlap] = highlightSegments([range("a", 1, 10), range("b", 5, 10, { mine: true })]);
    expect(segmentAttributes(others)).toEqual({ class: "anno-hl", "data-depth": "1", "data-annotation-ids": "a" });
    expect(segmentAttributes(overlap)).toEqual({ class: "anno-hl", "data-depth": "2", "data-annotation-ids": "b a" });
    const [own] = highlightSegments([range("m", 1, 10, { mine: true, private: true })]);
    expect(segmentAttributes(own)).toMatchObject({ "data-mine": "", "data-private": "" });
    const [pending] = highlightSegments([range("p", 1, 10, { mine: true, private: true, pending: true })]);
    expect(segmentAttributes(pending)).toMatchObject({ "data-pending": "" });
    expect(segmentAttributes(pending)).not.toHaveProperty("data-private");
    const [draft] = highlightSegments([range("draft", 1, 10, { mine: true })]);
    expect(segmentAttributes(draft)).toMatchObject({ "data-draft": "" });
    expect(segmentAttributes(draft)).not.toHaveProperty("data-mine");
  });
});

describe("highlightDecorations", () => {
  const doc = docOf("The first paragraph of the text.", "A second one, with its own notes.", "And a third, far down.");

  it("decorates only the pieces in the window, with their attributes", () => {
    const segments = keyed([range("a", 2, 8), range("b", 40, 50), range("c", 70, 80)]);
    const set = highlightDecorations(doc, segments, { from: 35, to: 60 }, null);
    const found = set.find();
    expect(found.map((d) => [d.from, d.to])).toEqual([[40, 50]]);
    expect((found[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs["data-annotation-ids"]).toBe("b");
  });

  it("always decorates the focused thread's words, in its owner's colour", () => {
    const set = highlightDecorations(doc, keyed([range("a", 2, 8)]), { from: 0, to: -1 }, { from: 70, to: 80, mine: true });
    const found = set.find();
    expect(found.map((d) => [d.from, d.to])).toEqual([[70, 80]]);
    expect((found[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs.class).toBe("anno-active-mine");
  });

  it("clips pieces to the document and draws nothing when there is nothing to draw", () => {
    const size = doc.content.size;
    const set = highlightDecorations(doc, keyed([range("a", size - 4, size + 10)]), { from: 0, to: size + 10 }, null);
    expect(set.find().map((d) => d.to)).toEqual([size]);
    expect(highlightDecorations(doc, [], { from: 0, to: size }, null).find()).toEqual([]);
  });
});

describe("windowAround", () => {
  const doc = docOf("first block", "second block", "third block");
  const second = { from: 13, to: 27 };

  it("widens the viewport's positions to whole blocks", () => {
    expect(windowAround(doc, second.from + 3, second.from + 5)).toEqual(second);
  });

  it("reaches the ends of the text when the viewport does", () => {
    expect(windowAround(doc, null, second.from + 1)).toEqual({ from: 0, to: second.to });
    expect(windowAround(doc, second.from + 1, null)).toEqual({ from: second.from, to: doc.content.size });
  });
});
