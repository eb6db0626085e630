import { describe, expect, it } from "vitest";
import { compareListing, settleWait, type TrackedRange, type TrackerSnapshot } from "@/components/annotations/anchor-tracker";

const range = (start: number, end: number, exact: string): TrackedRange => ({ start, end, from: start + 1, to: end + 1, exact });
const snapshot = (ranges: [string, TrackedRange][], orphaned: string[] = []): TrackerSnapshot => ({ version: 1, live: true, ranges: new Map(ranges), orphaned: new Set(orphaned) });

describe("when the anchors are resolved again after edits", () => {
  it("waits for a pause in the reader's own typing, however long it goes on", () => {
    expect(settleWait(10_000, null)).toEqual({ wait: 250, quiet: true });
  });

  it("resolves remote changes at most 1.5 s after the first one, even while edits keep coming", () => {
    expect(settleWait(1_000, 1_000)).toEqual({ wait: 250, quiet: true });
    expect(settleWait(2_400, 1_000)).toEqual({ wait: 100, quiet: false });
    expect(settleWait(2_600, 1_000)).toEqual({ wait: 0, quiet: false });
  });
});

describe("compareListing", () => {
  const before = snapshot([
    ["a", range(0, 5, "alpha")],
    ["b", range(10, 14, "beta")],
  ]);

  it("is the same when only positions moved", () => {
    expect(compareListing(before, new Map([["a", range(2, 7, "alpha")], ["b", range(12, 16, "beta")]]), new Set())).toBe("same");
  });

  it("tells changed words alone (held back while edits go on) from a changed listing", () => {
    expect(compareListing(before, new Map([["a", range(0, 6, "alphax")], ["b", range(11, 15, "beta")]]), new Set())).toBe("words");
    // Order, membership and orphans are structure: shown at once.
    expect(compareListing(before, new Map([["b", range(0, 4, "beta")], ["a", range(10, 15, "alpha")]]), new Set())).toBe("changed");
    expect(compareListing(before, new Map([["a", range(0, 5, "alpha")]]), new Set(["b"]))).toBe("changed");
    expect(compareListing({ ...before, live: false }, before.ranges, new Set())).toBe("changed");
  });
});
