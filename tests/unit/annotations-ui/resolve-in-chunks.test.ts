import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchors } from "@/lib/anchoring/anchors";
import { resolveInChunks } from "@/components/annotations/anchor-tracker";
import { jsonToYUpdate } from "@/lib/editor/ydoc";

const text = "Marginal notes travel with their words, wherever the words go.";

function docWithAnchors(count: number) {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] }));
  const anchors = Array.from({ length: count }, (_, i) => createAnchor(doc, i, i + 5));
  return { doc, anchors };
}

describe("resolving the anchors after a pause in the edits", () => {
  it("gives the browser a turn between chunks and resolves as one pass would", async () => {
    const { doc, anchors } = docWithAnchors(10);
    let pauses = 0;
    const resolved = await resolveInChunks(doc, anchors, { chunk: 4, stillWanted: () => true, pause: async () => void pauses++ });
    expect(pauses).toBe(2);
    expect(resolved).toEqual(resolveAnchors(doc, anchors));
  });

  it("stops when an edit in between makes the result out of date", async () => {
    const { doc, anchors } = docWithAnchors(10);
    let wanted = true;
    let pauses = 0;
    const pause = async () => {
      pauses++;
      wanted = false; // a key was typed during the browser's turn
    };
    expect(await resolveInChunks(doc, anchors, { chunk: 4, stillWanted: () => wanted, pause })).toBeNull();
    expect(pauses).toBe(1);
  });
});
