import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { groupEntries, idsOf, layoutMargin, visibleBlocks, type MarginBlock, type MarginEntry, type MarginLayoutOptions } from "@/components/annotations/margin-layout";

const entry = (id: string, top: number, height = 100): MarginEntry => ({ id, top, height });
const options: MarginLayoutOptions = { gap: 8, stackHeight: 36, openHeaderHeight: 28 };

/** A seminar-sized margin: `count` notes spread over `textHeight` px of text, card heights 80–160. */
function seminar(count: number, textHeight: number, seed = 1): MarginEntry[] {
  let state = seed;
  const next = () => ((state = (state * 1103515245 + 12345) % 2147483648) / 2147483648);
  return Array.from({ length: count }, (_, i) => entry(`n${i}`, Math.floor(next() * textHeight), 80 + Math.floor(next() * 80)));
}

function expectWellFormed(layout: ReturnType<typeof layoutMargin>, entries: readonly MarginEntry[]) {
  // Every note exactly once, in the order of its words.
  const ids = layout.blocks.filter((b) => b.kind !== "opened").flatMap(idsOf);
  const byTop = [...entries].sort((a, b) => a.top - b.top);
  expect(ids).toEqual(byTop.map((e) => e.id));
  // Never overlapping, in order.
  for (let i = 1; i < layout.blocks.length; i++) {
    const prev = layout.blocks[i - 1];
    expect(layout.blocks[i].top).toBeGreaterThanOrEqual(prev.top + prev.height);
  }
  const last = layout.blocks.at(-1);
  expect(layout.height).toBe(last ? last.top + last.height : 0);
}

describe("layoutMargin", () => {
  it("leaves cards level with their words when there is room", () => {
    const { blocks } = layoutMargin([entry("a", 0), entry("b", 200), entry("c", 400)], options);
    expect(blocks.map((b) => [b.kind, b.top])).toEqual([
      ["card", 0],
      ["card", 200],
      ["card", 400],
    ]);
  });

  it("collapses cards that would overlap into one stack level with the first words", () => {
    const { blocks } = layoutMargin([entry("a", 100), entry("b", 120), entry("c", 130), entry("d", 500)], options);
    expect(blocks).toEqual([
      { kind: "stack", key: "a", ids: ["a", "b", "c"], top: 100, height: 36, wordTop: 100 },
      { kind: "card", id: "d", top: 500, height: 100, wordTop: 500 },
    ]);
  });

  it("lets a card follow a stack closely: a stack is short", () => {
    // b overlaps a's card, so a and b stack (36 px); c, 60 px below a, fits after the stack.
    const { blocks } = layoutMargin([entry("a", 0), entry("b", 30), entry("c", 60)], options);
    expect(blocks.map((b) => [b.kind, b.top, idsOf(b).join()])).toEqual([
      ["stack", 0, "a,b"],
      ["card", 60, "c"],
    ]);
  });

  it("orders by the words' position whatever the input order, ties keeping the input order", () => {
    const groups = groupEntries([entry("late", 900), entry("x", 10), entry("y", 10)], options);
    expect(groups.map((g) => g.map((e) => e.id))).toEqual([["x", "y"], ["late"]]);
  });

  it("shows the focused thread in full, level with its words, the rest of its stack split around it", () => {
    const entries = [entry("a", 300), entry("b", 310), entry("c", 320), entry("d", 330), entry("e", 340)];
    const { blocks } = layoutMargin(entries, { ...options, activeId: "c" });
    expect(blocks.map((b) => [b.kind, idsOf(b).join()])).toEqual([
      ["stack", "a,b"],
      ["card", "c"],
      ["stack", "d,e"],
    ]);
    const active = blocks.find((b) => b.kind === "card" && b.id === "c")!;
    expect(active.top).toBe(320);
    expect(blocks[0].top).toBe(320 - 8 - 36);
    expect(blocks[2].top).toBe(320 + 100 + 8);
  });

  it("moves the blocks above the focused thread up, and those below down, to make room", () => {
    const entries = [entry("a", 100, 60), entry("b", 180, 60), entry("c", 300, 400), entry("d", 420, 60)];
    const { blocks } = layoutMargin(entries, { ...options, activeId: "c" });
    const top = (id: string) => blocks.find((b) => idsOf(b).includes(id))!.top;
    expect(top("c")).toBe(300);
    expect(top("d")).toBe(300 + 400 + 8);
    expect(top("b")).toBeLessThanOrEqual(300 - 8 - 60);
    expect(top("a")).toBeLessThanOrEqual(top("b") - 8 - 60);
  });

  it("never goes above minTop: the focused thread moves down only as far as it must", () => {
    const { blocks } = layoutMargin([entry("a", 10), entry("b", 20), entry("c", 30)], { ...options, activeId: "c", minTop: 0 });
    expect(blocks[0].top).toBe(0);
    expect(blocks.map((b) => b.kind)).toEqual(["stack", "card"]);
    expect(blocks[1].top).toBe(36 + 8);
  });

  it("opens a stack in place: its bar, then every card; the next blocks make room", () => {
    const entries = [entry("a", 100), entry("b", 110), entry("c", 120), entry("d", 200)];
    const closed = layoutMargin(entries, options);
    expect(closed.blocks.map((b) => [b.kind, idsOf(b).join()])).toEqual([
      ["stack", "a,b,c"],
      ["card", "d"],
    ]);
    const opened = layoutMargin(entries, { ...options, opened: new Set(["a", "b", "c"]) });
    expect(opened.blocks.map((b) => [b.kind, b.top])).toEqual([
      ["opened", 100],
      ["card", 136],
      ["card", 244],
      ["card", 352],
      ["card", 460],
    ]);
    expectWellFormed(opened, entries);
  });

  it("pushes a card down by at most the tolerance, then stacks the next one with it", () => {
    const { blocks } = layoutMargin([entry("a", 0), entry("b", 20), entry("c", 40), entry("d", 60)], { ...options, tolerance: 120 });
    // b fits 88 px below its words; c would be 176 px below: it joins b's block, now a stack; d fits after the stack.
    expect(blocks.map((b) => [b.kind, b.top, idsOf(b).join()])).toEqual([
      ["card", 0, "a"],
      ["stack", 108, "b,c"],
      ["card", 152, "d"],
    ]);
  });

  it("places 3,000 notes with a tolerance: none more than it below its words, the margin no taller than the text, the tolerance and one card", () => {
    const entries = seminar(3000, 47_000, 5);
    const layout = layoutMargin(entries, { ...options, tolerance: 240 });
    expectWellFormed(layout, entries);
    for (const block of layout.blocks) {
      expect(block.top).toBeGreaterThanOrEqual(block.wordTop);
      expect(block.top - block.wordTop).toBeLessThanOrEqual(240);
    }
    expect(layout.height).toBeLessThanOrEqual(47_000 + 240 + 160);
  });

  it("places 3,000 notes on 47,000 px of text: every block level with its words, the margin no taller than the text and one card", () => {
    const entries = seminar(3000, 47_000);
    const layout = layoutMargin(entries, options);
    expectWellFormed(layout, entries);
    for (const block of layout.blocks) expect(block.top).toBe(block.wordTop);
    for (const block of layout.blocks) if (block.kind === "stack") expect(block.ids.length).toBeGreaterThan(1);
    expect(layout.height).toBeLessThanOrEqual(47_000 + 160);
    // Dense notes collapse: far fewer blocks than notes, so the margin mounts little.
    expect(layout.blocks.length).toBeLessThan(1200);
  });

  it("keeps any focused or opened note of a thousand in order and apart, the focused one level with its words when there is room", () => {
    const entries = seminar(1000, 46_816, 7);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: entries.length - 1 }), fc.integer({ min: 0, max: entries.length - 1 }), (active, open) => {
        const activeId = entries[active].id;
        const opened = new Set([entries[open].id]);
        const layout = layoutMargin(entries, { ...options, activeId, opened });
        expectWellFormed(layout, entries);
        const card = layout.blocks.find((b): b is Extract<MarginBlock, { kind: "card" }> => b.kind === "card" && b.id === activeId)!;
        expect(card).toBeDefined();
        // Level with its words unless the top of the margin is in the way.
        const above = layout.blocks.slice(0, layout.blocks.indexOf(card)).reduce((sum, b) => sum + b.height + 8, 0);
        if (above <= entries[active].top) expect(card.top).toBe(entries[active].top);
      }),
      { numRuns: 60 },
    );
  });

  it("lays out any notes without overlap", () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 5000 }), fc.integer({ min: 20, max: 300 })), { maxLength: 200 }), (spec) => {
        const entries = spec.map(([top, height], i) => entry(`e${i}`, top, height));
        const layout = layoutMargin(entries, options);
        expectWellFormed(layout, entries);
        // The lowest block ends at most one card's or one folded stack's height below the lowest words.
        const tallest = Math.max(0, ...entries.map((e) => e.height), entries.length > 1 ? options.stackHeight : 0);
        const lowest = Math.max(0, ...entries.map((e) => e.top));
        expect(layout.height).toBeLessThanOrEqual(lowest + tallest);
      }),
    );
  });
});

describe("visibleBlocks", () => {
  it("finds the blocks reaching into a window of the margin", () => {
    const { blocks } = layoutMargin(seminar(2000, 40_000, 3), options);
    const [first, last] = visibleBlocks(blocks, 20_000, 21_000);
    expect(last).toBeGreaterThan(first);
    const inside = (b: MarginBlock) => b.top <= 21_000 && b.top + b.height >= 20_000;
    expect(blocks.slice(first, last).every(inside)).toBe(true);
    expect(blocks.slice(0, first).some(inside)).toBe(false);
    expect(blocks.slice(last).some(inside)).toBe(false);
    expect(last - first).toBeLessThan(60);
  });

  it("is empty past the end", () => {
    const { blocks } = layoutMargin([entry("a", 0)], options);
    expect(visibleBlocks(blocks, 500, 900)).toEqual([1, 1]);
  });
});
