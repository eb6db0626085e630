/**
 * Narrowing a resolved range to the characters the annotation was made on.
 *
 * Why: a Yjs relative position sticks to one character; once that character is deleted it
 * resolves to where the character was, among the tombstones, and text typed there later does not
 * stay out: Y.Text puts text typed at a position after the tombstones there (so text typed at the
 * visible start, once the first character is gone, sorts after its tombstone), and concurrent
 * inserts around a tombstone are ordered by client id. So once an edge character is gone, text
 * typed at the visible edge can land inside the raw range. Every character in the raw range that
 * existed when the anchor was made is an annotated one (Yjs never reorders), so trimming the edges
 * down to such characters gives exactly "from the first surviving annotated character to the last".
 */
import * as Y from "yjs";
import { knownClock, type Edge } from "./encoding";
import type { ProjectionMap, RunColumns } from "./projection-map";

/**
 * The new item an undo put in place of the deleted edge character (Yjs `redone` links), or null.
 * Such a character is new by its clock but stands for the annotated one.
 */
export function restoredBy(doc: Y.Doc, edge: Edge): Y.ID | null {
  if (Y.getState(doc.store, edge.client) <= edge.clock) return null;
  let item: Y.Item | Y.GC = Y.getItem(doc.store, Y.createID(edge.client, edge.clock));
  let diff = edge.clock - item.id.clock;
  if (!(item instanceof Y.Item) || item.redone === null) return null;
  while (item instanceof Y.Item && item.redone !== null) {
    const next: Y.ID = Y.createID(item.redone.client, item.redone.clock + diff);
    item = Y.getItem(doc.store, next);
    diff = next.clock - item.id.clock;
  }
  return item instanceof Y.Item ? Y.createID(item.id.client, item.id.clock + diff) : null;
}

/** Moves `start` forward past later text and separators; returns `end` when nothing original is left. */
export function trimStart(map: ProjectionMap, start: number, end: number, edge: Edge, doc: Y.Doc): number {
  const runs: RunColumns = map.columns;
  const endUnit = map.toUtf16(end);
  let back: Y.ID | null | undefined;
  for (let unit = map.toUtf16(start), i = map.runAtUnit(unit); i >= 0 && i < map.runCount && unit < endUnit; unit = runs.unit[++i]) {
    if (runs.owner[i] === null) continue;
    const client = runs.client[i];
    const first = runs.clock[i] + unit - runs.unit[i];
    // Clocks grow along a run: if this unit is newer than the anchor, so are the rest of the run.
    if (first < knownClock(edge, client)) return map.toCodePoint(unit);
    // Looked up once, and only when the edge character itself is not original.
    if (back === undefined) back = restoredBy(doc, edge);
    if (back && back.client === client && back.clock >= first && back.clock < runs.clock[i] + runs.units[i]) {
      return Math.min(map.toCodePoint(unit + back.clock - first), end);
    }
  }
  return end;
}

/** Moves `end` backward past later text and separators; returns `start` when nothing original is left. */
export function trimEnd(map: ProjectionMap, start: number, end: number, edge: Edge, doc: Y.Doc): number {
  const runs: RunColumns = map.columns;
  const startUnit = map.toUtf16(start);
  let back: Y.ID | null | undefined;
  for (let unitEnd = map.toUtf16(end), i = map.runAtUnit(unitEnd - 1); i >= 0 && unitEnd > startUnit; unitEnd = runs.unit[--i] + runs.units[i]) {
    if (runs.owner[i] === null) continue;
    const client = runs.client[i];
    const clock = runs.clock[i];
    const limit = knownClock(edge, client);
    if (clock < limit) return Math.max(map.toCodePoint(Math.min(unitEnd, runs.unit[i] + limit - clock)), start);
    if (back === undefined) back = restoredBy(doc, edge);
    const last = clock + unitEnd - runs.unit[i];
    if (back && back.client === client && back.clock >= clock && back.clock < last) {
      return Math.max(map.toCodePoint(runs.unit[i] + back.clock - clock + 1), start);
    }
  }
  return start;
}
