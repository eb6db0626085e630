/**
 * Overlapping highlights cut into non-overlapping pieces, each knowing every annotation that
 * covers it, so the text shows one tint per piece that deepens with the overlap instead of
 * stacked borders. Pure: positions are whatever the caller uses (ProseMirror positions here).
 */

export type HighlightRange = {
  id: string;
  from: number;
  to: number;
  mine: boolean;
  /** Seen by its author alone. */
  private: boolean;
  /** Not visible to the group (yet): awaiting moderation, hidden, or still being saved. */
  pending: boolean;
};

export type HighlightSegment = {
  from: number;
  to: number;
  /** Covering annotations, innermost (shortest) first: a click picks the first. */
  ids: string[];
  /** How many annotations cover it, capped where the tint stops deepening. */
  depth: 1 | 2 | 3;
  /** Every covering annotation is the viewer's own. */
  mine: boolean;
  private: boolean;
  pending: boolean;
};

/**
 * Splits `ranges` at every edge; empty ranges are dropped, gaps get no segment. A sweep over
 * the sorted edges: O(n log n + pieces × overlap), so thousands of highlights cost milliseconds.
 */
export function highlightSegments(ranges: readonly HighlightRange[]): HighlightSegment[] {
  const live = ranges.filter((r) => r.to > r.from);
  const events: { at: number; range: HighlightRange; open: boolean }[] = [];
  for (const range of live) events.push({ at: range.from, range, open: true }, { at: range.to, range, open: false });
  events.sort((a, b) => a.at - b.at);
  const segments: HighlightSegment[] = [];
  // Covering ranges, in input order (a stable sort by length below keeps ties in that order).
  const covering = new Map<HighlightRange, number>();
  const order = new Map(live.map((r, i) => [r, i]));
  let i = 0;
  while (i < events.length) {
    const at = events[i].at;
    for (; i < events.length && events[i].at === at; i++) {
      if (events[i].open) covering.set(events[i].range, order.get(events[i].range)!);
      else covering.delete(events[i].range);
    }
    if (covering.size === 0 || i >= events.length) continue;
    const cover = [...covering].sort((a, b) => a[0].to - a[0].from - (b[0].to - b[0].from) || a[1] - b[1]).map(([r]) => r);
    segments.push({
      from: at,
      to: events[i].at,
      ids: cover.map((r) => r.id),
      depth: Math.min(cover.length, 3) as 1 | 2 | 3,
      mine: cover.every((r) => r.mine),
      private: cover.some((r) => r.private),
      pending: cover.some((r) => r.pending),
    });
  }
  return segments;
}

/** The segment under position `pos` (the end edge counts when nothing starts there); segments sorted by `from`. */
export function segmentAt<T extends { from: number; to: number }>(segments: readonly T[], pos: number): T | undefined {
  let lo = 0;
  let hi = segments.length - 1;
  // The last segment starting at or before pos.
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid].from <= pos) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found >= 0 && pos < segments[found].to) return segments[found];
  for (const index of [found, found - 1]) {
    const s = segments[index];
    if (s && s.from < pos && pos <= s.to) return s;
  }
  return undefined;
}

/** The annotations covering position `pos`, innermost first. */
export function idsAt(segments: readonly HighlightSegment[], pos: number): string[] {
  return segmentAt(segments, pos)?.ids ?? [];
}
