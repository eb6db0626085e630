import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { createAnchor, resolveAnchors } from "@/lib/anchoring/anchors";
import { getEditorSchema } from "@/lib/editor/extensions";
import { ProjectionPositions } from "@/lib/editor/projection-positions";
import { jsonToYUpdate, yDocToJSON } from "@/lib/editor/ydoc";
import { deleteRange, insertText } from "../anchoring/edits";

// The path the reading page takes on every change: resolve anchors on the shared Y.Doc, then
// map their projection offsets into the editor's ProseMirror doc to draw the highlight.

const doc = (...paragraphs: string[]): JSONContent => ({
  type: "doc",
  content: paragraphs.map((text) => ({ type: "paragraph", content: [{ type: "text", text }] })),
});

function ydocOf(json: JSONContent): Y.Doc {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, jsonToYUpdate(json));
  return ydoc;
}

/** What the highlight of an anchor covers in the editor's view of `ydoc`. */
function highlighted(ydoc: Y.Doc, anchor: ReturnType<typeof createAnchor>): string | null {
  const pm = getEditorSchema().nodeFromJSON(yDocToJSON(ydoc));
  const [resolved] = resolveAnchors(ydoc, [anchor]);
  if (resolved.orphaned) return null;
  const { from, to } = new ProjectionPositions(pm).toRange(resolved.start, resolved.end);
  return pm.textBetween(from, to, "\n\n", "\n");
}

describe("anchors drawn on the editor's doc", () => {
  it.each([
    ["emoji", "Before 👩🏽‍🔬 the scientist 😀 smiles", "scientist 😀"],
    ["combining marks", "Le cafe\u0301 est servi", "cafe\u0301 est"],
    ["right-to-left", "Er sagte שלום עולם und ging", "שלום עולם"],
  ])("a highlight follows its words (%s) while text is typed before them", (_name, text, words) => {
    const ydoc = ydocOf(doc("A first paragraph 🇫🇷.", text));
    const pm = new ProjectionPositions(getEditorSchema().nodeFromJSON(yDocToJSON(ydoc)));
    const start = Array.from(pm.text).join("").indexOf(words);
    const cpStart = Array.from(pm.text.slice(0, start)).length;
    const anchor = createAnchor(ydoc, cpStart, cpStart + Array.from(words).length);
    expect(highlighted(ydoc, anchor)).toBe(words);

    insertText(ydoc, cpStart, "Inserted 🙂 words, ");
    insertText(ydoc, 0, "שלום ");
    expect(highlighted(ydoc, anchor)).toBe(words);
  });

  it("orphans the highlight when its words are deleted", () => {
    const ydoc = ydocOf(doc("Keep these words here."));
    const anchor = createAnchor(ydoc, 5, 16);
    expect(highlighted(ydoc, anchor)).toBe("these words");
    deleteRange(ydoc, 5, 17);
    expect(highlighted(ydoc, anchor)).toBeNull();
  });
});
