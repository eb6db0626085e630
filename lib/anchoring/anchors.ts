/**
 * Anchors: ranges of the text projection tied to the characters they cover, so an annotation stays
 * on its words while the text is edited live, and is orphaned rather than moved when they are gone.
 *
 * Semantics, for a range made on characters C (text and hard breaks; the "\n\n" between blocks
 * belongs to no one, so a range is trimmed to C): later, the range runs from the first surviving
 * character of C to the last one, including whatever now lies between them (text typed inside,
 * new blocks). Text typed at either edge stays outside. When all of C is deleted it is orphaned.
 */
import * as Y from "yjs";
import { decodeEdge, edgePath, encodeEdge, type Edge } from "./encoding";
import { buildProjectionMap, type ProjectionMap, type ProjectionRun, type Side } from "./projection-map";
import { trimEnd, trimStart } from "./trim";
import type { YType } from "./yread";

/** Code points of context returned on each side of a resolved quote. */
export const CONTEXT_LENGTH = 32;

/** A range tied to a document's characters; opaque bytes to store as they are (format: encoding.ts). */
export interface Anchor {
  start: Uint8Array;
  end: Uint8Array;
}

/** Where an anchor is now, in projection code points, or orphaned when all its characters are gone. */
export type ResolvedAnchor =
  | { orphaned: false; start: number; end: number; exact: string; prefix: string; suffix: string }
  | { orphaned: true };

interface Atom {
  index: number;
  run: ProjectionRun;
  /** UTF-16 index in the projection: the atom's first unit for a start, the unit after it for an end. */
  unit: number;
}

/** The first non-separator character in [start, end). */
function firstAtom(map: ProjectionMap, start: number, end: number): Atom | null {
  const [from, to] = [map.toUtf16(start), map.toUtf16(end)];
  const runs = map.columns;
  for (let i = map.runAtUnit(from); i >= 0 && i < map.runCount && runs.unit[i] < to; i++) {
    if (runs.owner[i] !== null) return { index: i, run: map.run(i), unit: Math.max(from, runs.unit[i]) };
  }
  return null;
}

/** The last non-separator character in [start, end). */
function lastAtom(map: ProjectionMap, start: number, end: number): Atom | null {
  const [from, to] = [map.toUtf16(start), map.toUtf16(end)];
  const runs = map.columns;
  for (let i = map.runAtUnit(to - 1); i >= 0 && runs.unit[i] + runs.units[i] > from; i--) {
    if (runs.owner[i] !== null) return { index: i, run: map.run(i), unit: Math.min(to, runs.unit[i] + runs.units[i]) };
  }
  return null;
}

/** [client, clock] of one UTF-16 unit of a run, then of the items of its enclosing types up to the fragment. */
function idPath(run: ProjectionRun, unit: number): number[] {
  const path = run.kind === "text" ? [run.client, run.clock + unit - run.unit] : [];
  for (let type = run.owner as YType; type._item !== null; type = type._item.parent as YType) path.push(type._item.id.client, type._item.id.clock);
  return path;
}

/**
 * Ties the projection range [start, end) (code points) of `doc` to its characters. `map` may be
 * passed to create many anchors on one unchanged state. The start sticks to the first character
 * (Yjs assoc 0), the end to the last one (assoc -1): text typed at an edge stays outside.
 * Throws a RangeError when the range is out of bounds, empty, or holds only block separators.
 */
export function createAnchor(doc: Y.Doc, start: number, end: number, map: ProjectionMap = buildProjectionMap(doc)): Anchor {
  if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > map.length || start >= end) {
    throw new RangeError(`Invalid range [${start}, ${end}) of a ${map.length}-code-point text`);
  }
  const first = firstAtom(map, start, end);
  const last = lastAtom(map, start, end);
  if (!first || !last) throw new RangeError(`Range [${start}, ${end}) holds no text`);
  const clients = new Set<number>();
  for (let i = first.index; i <= last.index; i++) if (map.columns.owner[i] !== null) clients.add(map.columns.client[i]);
  const known = [...clients].flatMap((client) => [client, Y.getState(doc.store, client)]);
  return {
    start: encodeEdge({ assoc: 0, path: idPath(first.run, first.unit), known }),
    end: encodeEdge({ assoc: -1, path: idPath(last.run, last.unit - 1), known }),
  };
}

// Reused for item lookups: Y.getItem only reads it, and resolution must not allocate per anchor.
const lookup = Y.createID(0, 0);

/**
 * Projection offset of an anchor edge. Fast path: the edge item still sits in a live type of the
 * projection; its index is computed as Y.createAbsolutePositionFromRelativePosition does, minus
 * the allocations. Otherwise the innermost level of the edge's path whose type still exists and
 * is in the projection: a deleted block or Y.XmlText falls back to where it was in its parent.
 * A doc that has not received the edge character yet gets null: falling back to an enclosing type
 * there would land on other words.
 */
function locate(map: ProjectionMap, doc: Y.Doc, edge: Edge, side: Side): number | null {
  if (Y.getState(doc.store, edge.client) <= edge.clock) return null;
  lookup.client = edge.client;
  lookup.clock = edge.clock;
  const item: Y.Item | Y.GC = Y.getItem(doc.store, lookup);
  if (item instanceof Y.Item && item.redone === null && !(item.parent as YType)._item?.deleted) {
    const within = item.deleted || !item.countable ? 0 : edge.clock - item.id.clock + (edge.assoc >= 0 ? 0 : 1);
    const offset = map.offsetAtItem(item, within, side);
    if (offset !== null) return offset;
  }
  const path = edgePath(edge);
  for (let level = 0; level < path.length; level += 2) {
    const relative = Y.createRelativePositionFromJSON({ item: { client: path[level], clock: path[level + 1] }, assoc: edge.assoc });
    const position = Y.createAbsolutePositionFromRelativePosition(relative, doc);
    if (position === null || position.type._item?.deleted) continue;
    const offset = map.offsetOf(position.type, position.index, side);
    if (offset !== null) return offset;
  }
  return null;
}

function resolveWith(map: ProjectionMap, doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  const startEdge = decodeEdge(anchor.start);
  const endEdge = decodeEdge(anchor.end);
  if (!startEdge || !endEdge) return { orphaned: true };
  let start = locate(map, doc, startEdge, "start");
  let end = locate(map, doc, endEdge, "end");
  if (start === null || end === null || start >= end) return { orphaned: true };
  // A bare Yjs relative position carries no clocks: nothing to trim by.
  if (startEdge.body >= 0) start = trimStart(map, start, end, startEdge, doc);
  if (endEdge.body >= 0) end = trimEnd(map, start, end, endEdge, doc);
  if (start >= end) return { orphaned: true };
  return {
    orphaned: false,
    start,
    end,
    exact: map.slice(start, end),
    prefix: map.slice(Math.max(0, start - CONTEXT_LENGTH), start),
    suffix: map.slice(end, end + CONTEXT_LENGTH),
  };
}

/**
 * Where an orphaned anchor's words were: the projection offset its start edge falls back to (the
 * place of its deleted characters), or null when even that cannot be told. Only for finding the
 * same words coming back at that very spot, as an undo re-creates them as new characters.
 */
export function collapsedAt(doc: Y.Doc, anchor: Anchor, map: ProjectionMap = buildProjectionMap(doc)): number | null {
  const edge = decodeEdge(anchor.start);
  return edge ? locate(map, doc, edge, "start") : null;
}

/** Where `anchor` is in `doc` now; unreadable bytes count as orphaned. For many anchors use resolveAnchors. */
export function resolveAnchor(doc: Y.Doc, anchor: Anchor): ResolvedAnchor {
  return resolveWith(buildProjectionMap(doc), doc, anchor);
}

/** Resolves many anchors against one projection map of `doc` (pass it when already built for this state), in order. */
export function resolveAnchors(doc: Y.Doc, anchors: readonly Anchor[], map: ProjectionMap = buildProjectionMap(doc)): ResolvedAnchor[] {
  return anchors.map((anchor) => resolveWith(map, doc, anchor));
}
