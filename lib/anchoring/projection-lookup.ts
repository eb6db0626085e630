/**
 * Lookups over a built text projection (see projection-map.ts): code points vs UTF-16, runs, and
 * Yjs positions to projection offsets.
 */
import * as Y from "yjs";
import { CodePointIndex } from "./codepoints";
import type { YType } from "./yread";

/**
 * One contiguous piece of the projection. A text run is one live Yjs string item, so its UTF-16
 * unit k has the Yjs ID (client, clock + k); a hardBreak run is the element's own item; a
 * separator ("\n\n" between textblocks) has no Yjs identity (client and clock are -1).
 */
export interface ProjectionRun {
  kind: "text" | "hardBreak" | "separator";
  /** Code-point offsets in the projection. */
  start: number;
  end: number;
  /** UTF-16 index of the run in the projection text, and its UTF-16 length. */
  unit: number;
  units: number;
  client: number;
  clock: number;
  /** The Y.XmlText holding a text run, the hardBreak element itself; null for a separator. */
  owner: YType | null;
}

/**
 * The runs column by column, positioned in UTF-16 units of the projection text. Why: one object
 * and one code-point count per Yjs item dominated build time on edited documents (tens of
 * thousands of items); code points are derived only where a lookup needs them.
 */
export interface RunColumns {
  unit: Float64Array;
  units: Float64Array;
  client: Float64Array;
  clock: Float64Array;
  owner: (YType | null)[];
}

/** Which edge of a range a position bounds: a start looks forward for text, an end backward. */
export type Side = "start" | "end";

/** Where one Y.XmlText lies in the projection text. */
export interface TextSpan {
  unit: number;
  units: number;
  /** Its runs: one per live string item, in order. */
  firstRun: number;
  runs: number;
}

// Up to this many runs, finding an item among its Y.XmlText's runs beats walking Yjs items.
const RUN_SCAN_LIMIT = 64;

/** The projection of one Y.Doc state with lookups both ways; stale as soon as the doc changes. */
export class ProjectionMap {
  /** Length of the projection in code points. */
  readonly length: number;
  /** Number of runs. */
  readonly runCount: number;
  private readonly index: CodePointIndex;
  /** Per Yjs list type, each item's count of live units before it; filled on demand. */
  private readonly itemOffsets = new Map<YType, Map<Y.Item, number>>();

  constructor(
    /** The projection text. */
    readonly text: string,
    /** Runs in order, contiguous over the whole text. */
    readonly columns: RunColumns,
    /** Per projected Y.XmlText, its UTF-16 span in the text. */
    private readonly texts: Map<YType, TextSpan>,
    /** Per textblock element, the UTF-16 index of each inline child boundary (children + 1). */
    private readonly blocks: Map<YType, number[]>,
    /** Per container, the number of textblocks before each child boundary (children + 1). */
    private readonly containers: Map<YType, number[]>,
    /** UTF-16 [start, end) of every textblock's content, flattened. */
    private readonly blockBounds: number[],
  ) {
    this.index = new CodePointIndex(text);
    this.length = this.index.length;
    this.runCount = columns.owner.length;
  }

  /** UTF-16 index in `text` of a code-point offset. */
  toUtf16(offset: number): number {
    return this.index.toUtf16(offset);
  }

  /** Code-point offset of a UTF-16 index in `text` (rounding down inside a surrogate pair). */
  toCodePoint(unit: number): number {
    return this.index.toCodePoint(unit);
  }

  /** The projection's code points [start, end). */
  slice(start: number, end: number): string {
    return this.index.slice(start, end);
  }

  /**
   * Projection offset of UTF-16 position `within` of `item` (pass 0 for a deleted item: where it
   * was), or null when the item's parent is not part of the projection.
   */
  offsetAtItem(item: Y.Item, within: number, side: Side): number | null {
    const parent = item.parent as YType;
    const span = this.texts.get(parent);
    if (span && !item.deleted && span.runs <= RUN_SCAN_LIMIT) {
      const c = this.columns;
      for (let k = span.firstRun; k < span.firstRun + span.runs; k++) {
        if (c.clock[k] === item.id.clock && c.client[k] === item.id.client) return this.toCodePoint(c.unit[k] + within);
      }
    }
    return this.offsetOf(parent, this.liveLengthBefore(item) + within, side);
  }

  /**
   * The live length before `item` in its parent list (its index there if it is alive, where it
   * was otherwise), as Y.createAbsolutePositionFromRelativePosition counts it by walking left.
   * Edited text leaves long item lists, tombstones included, so long walks are memoized per list.
   */
  private liveLengthBefore(item: Y.Item): number {
    let length = 0;
    let left = item.left;
    for (let steps = 0; left !== null && steps < 16; steps++, left = left.left) {
      if (!left.deleted && left.countable) length += left.length;
    }
    if (left === null) return length;
    const parent = item.parent as YType;
    let offsets = this.itemOffsets.get(parent);
    if (!offsets) {
      offsets = new Map();
      let before = 0;
      for (let it = parent._start; it !== null; it = it.right) {
        offsets.set(it, before);
        if (!it.deleted && it.countable) before += it.length;
      }
      this.itemOffsets.set(parent, offsets);
    }
    const cached = offsets.get(item);
    if (cached !== undefined) return cached;
    // Only if the doc changed since the map was built (the map is stale then anyway): walk on.
    for (; left !== null; left = left.left) if (!left.deleted && left.countable) length += left.length;
    return length;
  }

  /** Run `i` as an object, for code that is not on a hot path. */
  run(i: number): ProjectionRun {
    const c = this.columns;
    const owner = c.owner[i];
    const kind = owner === null ? "separator" : owner instanceof Y.XmlText ? "text" : "hardBreak";
    const [start, end] = [this.toCodePoint(c.unit[i]), this.toCodePoint(c.unit[i] + c.units[i])];
    return { kind, start, end, unit: c.unit[i], units: c.units[i], client: c.client[i], clock: c.clock[i], owner };
  }

  /** Index of the run containing UTF-16 index `unit` of the text, or -1 past the end. */
  runAtUnit(unit: number): number {
    const starts = this.columns.unit;
    // The last run starting at or before `unit`; runs are contiguous and never empty.
    let lo = 0;
    let hi = this.runCount;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (starts[mid] <= unit) lo = mid + 1;
      else hi = mid;
    }
    const i = lo - 1;
    return i >= 0 && unit < starts[i] + this.columns.units[i] ? i : -1;
  }

  /**
   * Projection offset of the Yjs position `index` inside `type`, or null when `type` is not part
   * of the projection (deleted, dropped as invalid, unknown). In a Y.XmlText `index` counts UTF-16
   * units; in a textblock it counts inline children; in a container (fragment, list, quote) it is a
   * child boundary, which maps to the start of the next textblock for a start and to the end of
   * the previous one for an end, so that the separator between them is never part of a range.
   */
  offsetOf(type: YType, index: number, side: Side): number | null {
    const text = this.texts.get(type);
    if (text) return this.toCodePoint(text.unit + clamp(index, 0, text.units));
    const starts = this.blocks.get(type);
    if (starts) return this.toCodePoint(starts[clamp(index, 0, starts.length - 1)]);
    const before = this.containers.get(type);
    if (!before) return null;
    const blocksBefore = before[clamp(index, 0, before.length - 1)];
    const blockCount = this.blockBounds.length / 2;
    if (side === "start") return blocksBefore < blockCount ? this.toCodePoint(this.blockBounds[2 * blocksBefore]) : this.length;
    return blocksBefore > 0 ? this.toCodePoint(this.blockBounds[2 * blocksBefore - 1]) : 0;
  }
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, max));
}
