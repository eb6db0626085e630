import { describe, expect, it } from "vitest";
import { nextTick, overviewBuckets, tickLabel } from "@/components/annotations/overview-bar";
import { sliceEdges, type RenderedBlock } from "@/components/engagement/text-density-strip";

describe("overviewBuckets", () => {
  it("places notes on the bar by their height on the page, binned into cells, nearest note first", () => {
    const marks = [
      { id: "a", top: 0 },
      { id: "b", top: 10 },
      { id: "c", top: 5_000 },
      { id: "d", top: 9_990 },
    ];
    const buckets = overviewBuckets(marks, { offset: 0, pageHeight: 10_000, barHeight: 1_000, cell: 4 });
    expect(buckets).toEqual([
      { at: 0, count: 2, ids: ["a", "b"] },
      { at: 500, count: 1, ids: ["c"] },
      { at: 996, count: 1, ids: ["d"] },
    ]);
  });

  it("counts the margin's offset on the page and stays on the bar", () => {
    const [bucket] = overviewBuckets([{ id: "a", top: 9_900 }], { offset: 500, pageHeight: 10_000, barHeight: 800, cell: 4 });
    expect(bucket.at).toBe(796);
  });

  it("bins three thousand notes into at most one cell per 4 px", () => {
    const marks = Array.from({ length: 3000 }, (_, i) => ({ id: `n${i}`, top: i * 16 }));
    const buckets = overviewBuckets(marks, { offset: 0, pageHeight: 48_000, barHeight: 900, cell: 4 });
    expect(buckets.length).toBeLessThanOrEqual(225);
    expect(buckets.reduce((sum, b) => sum + b.count, 0)).toBe(3000);
  });
});

describe("the overview bar's ticks by keyboard", () => {
  it("names a tick by how many notes it stands for and where on the page they are", () => {
    expect(tickLabel({ at: 450, count: 3, ids: ["a", "b", "c"] }, 900)).toBe("3 notes, 50% down the page");
    expect(tickLabel({ at: 0, count: 1, ids: ["a"] }, 900)).toBe("1 note, 0% down the page");
  });

  it("moves one tick along with the arrow keys, to the ends with Home and End, and stays on the bar", () => {
    expect(nextTick(2, "ArrowDown", 5)).toBe(3);
    expect(nextTick(2, "ArrowRight", 5)).toBe(3);
    expect(nextTick(2, "ArrowUp", 5)).toBe(1);
    expect(nextTick(4, "ArrowDown", 5)).toBe(4);
    expect(nextTick(0, "ArrowUp", 5)).toBe(0);
    expect(nextTick(3, "Home", 5)).toBe(0);
    expect(nextTick(1, "End", 5)).toBe(4);
    expect(nextTick(1, "a", 5)).toBeNull();
    expect(nextTick(0, "ArrowDown", 0)).toBeNull();
  });
});

describe("sliceEdges", () => {
  it("follows rendered height, not characters: a short heading and a long paragraph take the room they take on screen", () => {
    const blocks: RenderedBlock[] = [
      { top: 0, height: 100, start: 0, length: 10 }, // a large heading: few characters, much height
      { top: 120, height: 400, start: 12, length: 88 },
    ];
    const edges = sliceEdges(blocks, 4);
    expect(edges[0]).toBe(0);
    // A quarter of the characters (25) lies 13 characters into the paragraph.
    expect(edges[1]).toBeCloseTo(120 + (13 / 88) * 400);
    expect(edges[4]).toBeCloseTo(520);
    for (let i = 1; i < edges.length; i++) expect(edges[i]).toBeGreaterThanOrEqual(edges[i - 1]);
  });

  it("is empty without blocks", () => {
    expect(sliceEdges([], 10)).toEqual([]);
  });
});
