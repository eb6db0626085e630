import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { COLLAB_FIELD, getEditorSchema } from "../../../lib/editor/extensions";
import { importContent } from "../../../lib/editor/import";
import { jsonToYUpdate, yDocToJSON, yUpdateToJSON } from "../../../lib/editor/ydoc";
import { docArb } from "./arbitraries";

const canonical = (json: JSONContent) => getEditorSchema().nodeFromJSON(json).toJSON();

const RICH_MARKDOWN = [
  "# Title 😀",
  "Text with **bold**, *italic*, ~~strike~~, `code`, [link](https://example.com/a?b=1 \"T\") and <mailto:me@example.com>.",
  "line one  \nline two with שלום and e\u0301",
  "3. first\n4. second\n   - nested *item*",
  "> quoted\n>\n> - list in quote",
  "---",
  "```\ncode  block\n```",
].join("\n\n");

describe("Yjs conversion", () => {
  it("round-trips an imported document exactly", () => {
    for (const [format, content] of [
      ["markdown", RICH_MARKDOWN],
      ["text", "a\nb  \n\n  c 😀\t\n\nשלום"],
      ["html", "<p><strong>b<br>c</strong></p><pre><code>x\ny</code></pre><ol start=\"7\"><li>li</li></ol>"],
    ] as const) {
      const json = importContent(format, content);
      expect(yUpdateToJSON(jsonToYUpdate(json))).toEqual(json);
    }
  });

  it("round-trips arbitrary schema documents", () => {
    fc.assert(
      fc.property(docArb, (json) => {
        expect(yUpdateToJSON(jsonToYUpdate(json))).toEqual(canonical(json));
      }),
      { numRuns: 200 },
    );
  });

  it("writes into the fragment the Collaboration extension reads", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, jsonToYUpdate(importContent("text", "hello")));
    expect(ydoc.getXmlFragment(COLLAB_FIELD).length).toBe(1);
    expect(ydoc.getXmlFragment("prosemirror").length).toBe(0);
    expect(yDocToJSON(ydoc)).toEqual(importContent("text", "hello"));
  });

  it("reads an empty document as one empty paragraph", () => {
    expect(yDocToJSON(new Y.Doc())).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(yUpdateToJSON(Y.encodeStateAsUpdate(new Y.Doc()))).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
  });

  it("does not modify a live Y.Doc holding content the schema rejects", () => {
    const ydoc = new Y.Doc();
    const fragment = ydoc.getXmlFragment(COLLAB_FIELD);
    const paragraph = new Y.XmlElement("paragraph");
    paragraph.insert(0, [new Y.XmlText("kept")]);
    fragment.insert(0, [new Y.XmlElement("bogus"), paragraph]);
    let updates = 0;
    ydoc.on("update", () => updates++);

    expect(yDocToJSON(ydoc)).toEqual({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "kept" }] }] });
    expect(fragment.length).toBe(2);
    expect(updates).toBe(0);
  });

  it("follows later edits made through Yjs", () => {
    const ydoc = new Y.Doc();
    Y.applyUpdate(ydoc, jsonToYUpdate(importContent("text", "hello")));
    const text = (ydoc.getXmlFragment(COLLAB_FIELD).get(0) as Y.XmlElement).get(0) as Y.XmlText;
    text.insert(5, " world", { bold: true });
    expect(yDocToJSON(ydoc).content?.[0].content).toEqual([
      { type: "text", text: "hello" },
      { type: "text", marks: [{ type: "bold" }], text: " world" },
    ]);
  });
});
