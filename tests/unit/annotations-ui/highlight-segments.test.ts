import { describe, expect, it } from "vitest";
import { highlightSegments, idsAt, type HighlightRange } from "@/lib/editor/highlight-segments";

const range = (id: string, from: number, to: number, extra: Partial<HighlightRange> = {}): HighlightRange => ({ id, from, to, mine: false, private: false, pending: false, ...extra });

describe("highlightSegments", () => {
  it("gives a lone highlight one segment of depth 1", () => {
    expect(highlightSegments([range("a", 5, 10)])).toEqual([{ from: 5, to: 10, ids: ["a"], depth: 1, mine: false, private: false, pending: false }]);
  });

  it("cuts overlaps into pieces whose depth counts the covering highlights, innermost first", () => {
    const segments = highlightSegments([range("outer", 0, 20), range("inner", 5, 10), range("third", 8, 30)]);
    expect(segments.map((s) => [s.from, s.to, s.depth, s.ids.join(",")])).toEqual([
      [0, 5, 1, "outer"],
      [5, 8, 2, "inner,outer"],
      [8, 10, 3, "inner,outer,third"],
      [10, 20, 2, "outer,third"],
      [20, 30, 1, "third"],
    ]);
  });

  it("caps depth at 3, and leaves gaps between highlights undrawn", () => {
    const segments = highlightSegments([range("a", 0, 4), range("b", 0, 4), range("c", 0, 4), range("d", 0, 4), range("e", 10, 12)]);
    expect(segments.map((s) => [s.from, s.to, s.depth])).toEqual([
      [0, 4, 3],
      [10, 12, 1],
    ]);
  });

  it("marks a piece mine only when every covering highlight is mine; private and pending when any is", () => {
    const [first, second] = highlightSegments([range("m", 0, 10, { mine: true }), range("o", 5, 10, { private: true, pending: true })]);
    expect(first).toMatchObject({ mine: true, private: false, pending: false });
    expect(second).toMatchObject({ mine: false, private: true, pending: true });
  });

  it("drops empty ranges", () => {
    expect(highlightSegments([range("a", 3, 3), range("b", 9, 2)])).toEqual([]);
  });

  it("finds the highlights under a position, the end edge included when nothing starts there", () => {
    const segments = highlightSegments([range("a", 0, 10), range("b", 4, 6)]);
    expect(idsAt(segments, 5)).toEqual(["b", "a"]);
    expect(idsAt(segments, 10)).toEqual(["a"]);
    expect(idsAt(segments, 11)).toEqual([]);
  });
});
