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

/** Splits `ranges` at every edge; empty ranges are dropped, gaps get no segment. */
export function highlightSegments(ranges: readonly HighlightRange[]): HighlightSegment[] {
  const live = ranges.filter((r) => r.to > r.from);
  const edges = [...new Set(live.flatMap((r) => [r.from, r.to]))].sort((a, b) => a - b);
  const segments: HighlightSegment[] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [from, to] = [edges[i], edges[i + 1]];
    const covering = live.filter((r) => r.from <= from && r.to >= to).sort((a, b) => a.to - a.from - (b.to - b.from));
    if (covering.length === 0) continue;
    segments.push({
      from,
      to,
      ids: covering.map((r) => r.id),
      depth: Math.min(covering.length, 3) as 1 | 2 | 3,
      mine: covering.every((r) => r.mine),
      private: covering.some((r) => r.private),
      pending: covering.some((r) => r.pending),
    });
  }
  return segments;
}

/** The annotations covering position `pos`, innermost first. */
export function idsAt(segments: readonly HighlightSegment[], pos: number): string[] {
  const hit = segments.find((s) => s.from <= pos && pos < s.to) ?? segments.find((s) => s.from < pos && pos <= s.to);
  return hit ? hit.ids : [];
}
