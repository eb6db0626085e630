import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stackBottom, stackCards, type CardBox } from "@/components/annotations/margin-layout";

const card = (id: string, top: number, height = 50): CardBox => ({ id, top, height });
const tops = (cards: CardBox[], opts: Parameters<typeof stackCards>[1]) => Object.fromEntries(stackCards(cards, opts));

describe("stackCards", () => {
  it("leaves cards level with their words when there is room", () => {
    expect(tops([card("a", 0), card("b", 100), card("c", 300)], { gap: 8 })).toEqual({ a: 0, b: 100, c: 300 });
  });

  it("stacks overlapping cards downwards, a gap apart, in the order of their words", () => {
    expect(tops([card("a", 0), card("b", 20), card("c", 40)], { gap: 10 })).toEqual({ a: 0, b: 60, c: 120 });
  });

  it("orders by the words' position whatever the input order, ties keeping the input order", () => {
    expect(tops([card("late", 200), card("x", 10), card("y", 10)], { gap: 0 })).toEqual({ x: 10, y: 60, late: 200 });
  });

  it("lets a stacked card fall back level with its words once there is room again", () => {
    expect(tops([card("a", 0, 200), card("b", 50), card("c", 400)], { gap: 10 })).toEqual({ a: 0, b: 210, c: 400 });
  });

  it("keeps the focused card beside its words and moves the ones above it up", () => {
    const result = tops([card("a", 100), card("b", 110), card("c", 120)], { gap: 10, focusedId: "c" });
    expect(result).toEqual({ a: 0, b: 60, c: 120 });
  });

  it("never goes above minTop: the focused card moves down only as far as it must", () => {
    const result = tops([card("a", 10), card("b", 20), card("c", 30)], { gap: 10, minTop: 0, focusedId: "c" });
    expect(result).toEqual({ a: 0, b: 60, c: 120 });
    expect(tops([card("a", -40)], { gap: 10, minTop: 24 })).toEqual({ a: 24 });
  });

  it("ignores an unknown focused id", () => {
    expect(tops([card("a", 0), card("b", 20)], { gap: 10, focusedId: "zzz" })).toEqual({ a: 0, b: 60 });
  });

  it("property: no overlaps, order kept, nobody above minTop or above its words unless focused-stacking moved it", () => {
    const boxes = fc.array(fc.record({ top: fc.integer({ min: -50, max: 2000 }), height: fc.integer({ min: 10, max: 300 }) }), { maxLength: 30 });
    fc.assert(
      fc.property(boxes, fc.integer({ min: 0, max: 30 }), fc.integer({ min: -1, max: 29 }), fc.integer({ min: 0, max: 60 }), (raw, gap, focus, minTop) => {
        const cards = raw.map((b, i) => card(`c${i}`, b.top, b.height));
        const focusedId = focus >= 0 && focus < cards.length ? `c${focus}` : null;
        const placed = stackCards(cards, { gap, minTop, focusedId });
        const ordered = [...cards].map((c, i) => ({ c, i })).sort((x, y) => x.c.top - y.c.top || x.i - y.i).map(({ c }) => c);
        for (let k = 0; k < ordered.length; k++) {
          const top = placed.get(ordered[k].id)!;
          expect(top).toBeGreaterThanOrEqual(minTop);
          if (k > 0) expect(top).toBeGreaterThanOrEqual(placed.get(ordered[k - 1].id)! + ordered[k - 1].height + gap);
        }
        if (!focusedId) for (const c of cards) expect(placed.get(c.id)!).toBeGreaterThanOrEqual(Math.max(c.top, minTop));
        if (focusedId) {
          // The focused card is where its words are, unless the cards above it cannot fit under minTop.
          const f = cards.find((c) => c.id === focusedId)!;
          const above = ordered.slice(0, ordered.indexOf(f));
          const room = Math.max(f.top, minTop) - minTop;
          const needed = above.reduce((sum, c) => sum + c.height + gap, 0);
          if (needed <= room) expect(placed.get(focusedId)).toBe(Math.max(f.top, minTop));
        }
        expect(stackBottom(cards, placed)).toBe(cards.length ? Math.max(0, ...cards.map((c) => placed.get(c.id)! + c.height)) : 0);
      }),
      { numRuns: 500 },
    );
  });
});
