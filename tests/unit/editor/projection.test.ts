import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getEditorSchema } from "../../../lib/editor/extensions";
import { importContent } from "../../../lib/editor/import";
import { codePointLength, projectionSegments, textProjection } from "../../../lib/editor/projection";
import { docArb, paragraphArb, separatorArb } from "./arbitraries";

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: t, marks });
const para = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
const heading = (level: number, t: string): JSONContent => ({ type: "heading", attrs: { level }, content: [text(t)] });
const item = (...content: JSONContent[]): JSONContent => ({ type: "listItem", content });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const br: JSONContent = { type: "hardBreak" };

describe("codePointLength", () => {
  it.each([
    ["", 0],
    ["abc", 3],
    ["😀", 1],
    ["e\u0301", 2],
    ["👩🏽‍🔬", 4],
    ["שלום", 4],
    ["\ud83d", 1],
    ["a\udc00b", 3],
  ])("%j has %i code points", (s, n) => {
    expect(codePointLength(s)).toBe(n);
    expect(codePointLength(s)).toBe(Array.from(s).length);
  });
});

describe("textProjection", () => {
  it("joins textblocks with a blank line and renders hard breaks as newlines", () => {
    expect(textProjection(doc(para(text("a"), br, text("b")), para(text("c"))))).toBe("a\nb\n\nc");
  });

  it("treats headings, list item paragraphs and quoted paragraphs as blocks", () => {
    const d = doc(
      heading(2, "Title"),
      { type: "bulletList", content: [item(para(text("one")), { type: "orderedList", content: [item(para(text("nested")))] }), item(para(text("two")))] },
      { type: "blockquote", content: [para(text("q1")), para(text("q2"))] },
      { type: "horizontalRule" },
      para(text("end")),
    );
    expect(textProjection(d)).toBe("Title\n\none\n\nnested\n\ntwo\n\nq1\n\nq2\n\nend");
  });

  it("ignores marks and keeps text verbatim", () => {
    const d = doc(para(text("  bold ", [{ type: "bold" }]), text("& link", [{ type: "link", attrs: { href: "https://x.example" } }]), text(" 😀\t")));
    expect(textProjection(d)).toBe("  bold & link 😀\t");
  });

  it("keeps empty textblocks as empty blocks", () => {
    expect(textProjection(doc({ type: "paragraph" }, para(text("a")), { type: "paragraph" }))).toBe("\n\na\n\n");
    expect(textProjection(doc({ type: "paragraph" }))).toBe("");
  });

  it("accepts a ProseMirror node as well as JSON", () => {
    const json = doc(para(text("x"), br, text("y")));
    expect(textProjection(getEditorSchema().nodeFromJSON(json))).toBe(textProjection(json));
  });

  it("round-trips plain-text imports paragraph for paragraph", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(paragraphArb, separatorArb), { minLength: 1, maxLength: 6 }),
        fc.constantFrom("", "\n", "\n\n \n", "\r\n"),
        fc.constantFrom("\n", "\r\n"),
        (paragraphs, leading, lineEnd) => {
          const source = leading + paragraphs.map(([lines, sep]) => lines.join(lineEnd) + sep).join("");
          const expected = paragraphs.map(([lines]) => lines.join("\n")).join("\n\n");
          expect(textProjection(importContent("text", source))).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** Checks every documented invariant of projectionSegments against the document itself. */
function expectConsistentSegments(json: JSONContent) {
  const node = getEditorSchema().nodeFromJSON(json);
  const segments = projectionSegments(node);
  const projection = textProjection(node);
  const codePoints = Array.from(projection);
  let offset = 0;
  let pos = 0;
  for (const segment of segments) {
    expect(segment.start).toBe(offset);
    expect(segment.end - segment.start).toBe(codePointLength(segment.text));
    expect(codePoints.slice(segment.start, segment.end).join("")).toBe(segment.text);
    expect(segment.from).toBeGreaterThanOrEqual(pos);
    if (segment.kind === "text") {
      expect(node.textBetween(segment.from, segment.to)).toBe(segment.text);
      expect(segment.to - segment.from).toBe(segment.text.length);
      expect(node.resolve(segment.from).parent.isTextblock).toBe(true);
    } else if (segment.kind === "hardBreak") {
      expect(segment.text).toBe("\n");
      expect(node.nodeAt(segment.from)?.type.name).toBe("hardBreak");
      expect(segment.to).toBe(segment.from + 1);
    } else {
      expect(segment.text).toBe("\n\n");
      const before = node.resolve(segment.from);
      const after = node.resolve(segment.to);
      expect(before.parent.isTextblock && segment.from === before.end()).toBe(true);
      expect(after.parent.isTextblock && segment.to === after.start()).toBe(true);
      expect(node.textBetween(segment.from, segment.to)).toBe("");
    }
    offset = segment.end;
    pos = segment.to;
  }
  expect(offset).toBe(codePoints.length);
}

describe("projectionSegments", () => {
  it("describes text runs, hard breaks and separators with both coordinates", () => {
    const d = doc(para(text("a😀", [{ type: "bold" }]), text("b"), br, text("c")), { type: "bulletList", content: [item(para(text("li")))] });
    expect(projectionSegments(d)).toEqual([
      { kind: "text", text: "a😀", start: 0, end: 2, from: 1, to: 4 },
      { kind: "text", text: "b", start: 2, end: 3, from: 4, to: 5 },
      { kind: "hardBreak", text: "\n", start: 3, end: 4, from: 5, to: 6 },
      { kind: "text", text: "c", start: 4, end: 5, from: 6, to: 7 },
      { kind: "separator", text: "\n\n", start: 5, end: 7, from: 7, to: 11 },
      { kind: "text", text: "li", start: 7, end: 9, from: 11, to: 13 },
    ]);
  });

  it("lets separators stand in for empty blocks", () => {
    const segments = projectionSegments(doc({ type: "paragraph" }, para(text("x"))));
    expect(segments).toEqual([
      { kind: "separator", text: "\n\n", start: 0, end: 2, from: 1, to: 3 },
      { kind: "text", text: "x", start: 2, end: 3, from: 3, to: 4 },
    ]);
  });

  it("is consistent with the document and the projection for arbitrary documents", () => {
    fc.assert(fc.property(docArb, (json) => expectConsistentSegments(json)), { numRuns: 300 });
  });

  it("is consistent for imported Markdown with nesting and Unicode", () => {
    const md = "# Tïtle 😀\n\n> quote\n> - in list\n>   still\n\n1. a  \n   b\n   - c\n\n---\n\nשלום **e\u0301** `x`";
    expectConsistentSegments(importContent("markdown", md));
  });
});
