import * as Y from "yjs";
import { buildProjectionMap } from "../../lib/anchoring/projection-map";

/** A stored document state opened for anchoring fixtures: its Y.Doc, its text projection, and where each word starts and ends in that text. */
export function wordsOfDocument(yState: Uint8Array) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, yState);
  const map = buildProjectionMap(doc);
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of map.text.matchAll(/\S+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { doc, map, starts, ends };
}
