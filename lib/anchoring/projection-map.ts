/**
 * The text projection (lib/editor/projection.ts) read straight from a Y.Doc, with a map between
 * projection offsets (code points) and Yjs positions. Equal to textProjection(yDocToJSON(doc))
 * but without building ProseMirror JSON, so it can run on every read of many annotations.
 */
import * as Y from "yjs";
import { COLLAB_FIELD, getEditorSchema } from "../editor/extensions";
import { BLOCK_SEPARATOR, HARD_BREAK_TEXT } from "../editor/projection";
import { ProjectionMap, type RunColumns, type TextSpan } from "./projection-lookup";
import { readFragment, type BlockNode, type ContainerNode, type YType } from "./yread";

export { ProjectionMap, type ProjectionRun, type RunColumns, type Side } from "./projection-lookup";

/** Number of runs `node` projects to, separators before its textblocks included. */
function countRuns(node: ContainerNode): number {
  let count = 0;
  for (const child of node.children) {
    if (child?.kind === "container") count += countRuns(child);
    else if (child?.kind === "block") {
      count += 1;
      for (const leaf of child.inline) count += leaf?.kind === "text" ? leaf.items.length : leaf?.kind === "hardBreak" ? 1 : 0;
    }
  }
  return count;
}

/** Builds the projection map of the document held in `doc`'s COLLAB_FIELD fragment, reading it only. */
export function buildProjectionMap(doc: Y.Doc): ProjectionMap {
  const root = readFragment(doc.getXmlFragment(COLLAB_FIELD), getEditorSchema());
  const capacity = countRuns(root);
  const runs: RunColumns = {
    unit: new Float64Array(capacity),
    units: new Float64Array(capacity),
    client: new Float64Array(capacity),
    clock: new Float64Array(capacity),
    owner: [],
  };
  const parts: string[] = [];
  const texts = new Map<YType, TextSpan>();
  const blocks = new Map<YType, number[]>();
  const containers = new Map<YType, number[]>();
  const blockBounds: number[] = [];
  let unit = 0;

  const push = (text: string, client: number, clock: number, owner: YType | null) => {
    const i = runs.owner.length;
    runs.unit[i] = unit;
    runs.units[i] = text.length;
    runs.client[i] = client;
    runs.clock[i] = clock;
    runs.owner.push(owner);
    parts.push(text);
    unit += text.length;
  };

  const emitBlock = (block: BlockNode) => {
    if (blockBounds.length > 0) push(BLOCK_SEPARATOR, -1, -1, null);
    const starts: number[] = [];
    const blockStart = unit;
    for (const leaf of block.inline) {
      starts.push(unit);
      if (leaf?.kind === "text") {
        const span: TextSpan = { unit, units: 0, firstRun: runs.owner.length, runs: leaf.items.length };
        for (const item of leaf.items) push((item.content as Y.ContentString).str, item.id.client, item.id.clock, leaf.type);
        span.units = unit - span.unit;
        texts.set(leaf.type, span);
      } else if (leaf?.kind === "hardBreak") {
        const item = leaf.type._item as Y.Item;
        push(HARD_BREAK_TEXT, item.id.client, item.id.clock, leaf.type);
      }
    }
    starts.push(unit);
    blocks.set(block.type, starts);
    blockBounds.push(blockStart, unit);
  };

  const emitContainer = (container: ContainerNode) => {
    const before: number[] = [];
    for (const child of container.children) {
      before.push(blockBounds.length / 2);
      if (child?.kind === "block") emitBlock(child);
      else if (child?.kind === "container") emitContainer(child);
    }
    before.push(blockBounds.length / 2);
    containers.set(container.type, before);
  };

  emitContainer(root);
  return new ProjectionMap(parts.join(""), runs, texts, blocks, containers, blockBounds);
}
