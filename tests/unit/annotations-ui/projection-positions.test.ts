import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { getEditorSchema } from "@/lib/editor/extensions";
import { textProjection } from "@/lib/editor/projection";
import { ProjectionPositions } from "@/lib/editor/projection-positions";
import { docArb } from "../editor/arbitraries";

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: t, marks });
const para = (...content: JSONContent[]): JSONContent => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });
const br: JSONContent = { type: "hardBreak" };
const node = (json: JSONContent) => getEditorSchema().nodeFromJSON(json);

/** The projection of the ProseMirror range [from, to), read back from the doc itself. */
function pmText(json: JSONContent, from: number, to: number): string {
  return node(json).textBetween(from, to, "\n\n", (leaf) => (leaf.type.name === "hardBreak" ? "\n" : ""));
}

describe("ProjectionPositions", () => {
  it("maps offsets of a plain paragraph one to one, after the paragraph's opening token", () => {
    const p = new ProjectionPositions(node(doc(para(text("Hello world")))));
    expect(p.text).toBe("Hello world");
    expect(p.toPos(0)).toBe(1);
    expect(p.toPos(5)).toBe(6);
    expect(p.toOffset(6)).toBe(5);
    expect(p.toRange(6, 11)).toEqual({ from: 7, to: 12 });
  });

  it("counts an emoji as one code point and two ProseMirror positions", () => {
    const json = doc(para(text("a😀b")));
    const p = new ProjectionPositions(node(json));
    expect(p.length).toBe(3);
    expect(p.toPos(1)).toBe(2);
    expect(p.toPos(2)).toBe(4);
    expect(p.toOffset(4)).toBe(2);
    const { from, to } = p.toRange(1, 2);
    expect(pmText(json, from, to)).toBe("😀");
    expect(p.quoteOf(from, to)).toMatchObject({ start: 1, end: 2, exact: "😀", prefix: "a", suffix: "b" });
  });

  it("rounds a position inside a surrogate pair outwards to the whole character", () => {
    const p = new ProjectionPositions(node(doc(para(text("a😀b")))));
    // Position 3 splits the pair (1 = a, 2-3 = 😀).
    expect(p.toOffset(3, "start")).toBe(1);
    expect(p.toOffset(3, "end")).toBe(2);
  });

  it("keeps combining marks as their own code points (e + U+0301 is two)", () => {
    const json = doc(para(text("café = cafe\u0301")));
    const p = new ProjectionPositions(node(json));
    expect(p.length).toBe(12);
    const start = p.text.indexOf("cafe\u0301");
    const { from, to } = p.toRange(start, start + 5);
    expect(pmText(json, from, to)).toBe("cafe\u0301");
  });

  it("maps right-to-left text by logical order, like any other", () => {
    const json = doc(para(text("Shalom: שלום עולם, salaam: سلام")));
    const p = new ProjectionPositions(node(json));
    const start = Array.from(p.text).indexOf("ע");
    const { from, to } = p.toRange(start, start + 4);
    expect(pmText(json, from, to)).toBe("עולם");
    expect(p.quoteOf(from, to)?.exact).toBe("עולם");
  });

  it("joins blocks with a blank line and sends a range's edges into text, never into the gap", () => {
    const json = doc(para(text("one")), para(text("two")));
    const p = new ProjectionPositions(node(json));
    expect(p.text).toBe("one\n\ntwo");
    // Offset 3 is the end of "one", 5 the start of "two".
    expect(p.toPos(3, "end")).toBe(4);
    expect(p.toPos(3, "start")).toBe(6);
    expect(p.toPos(4, "start")).toBe(6);
    expect(p.toPos(5, "end")).toBe(4);
    expect(p.toRange(0, 8)).toEqual({ from: 1, to: 9 });
    expect(pmText(json, 1, 9)).toBe("one\n\ntwo");
  });

  it("maps a position between blocks forward for a start and back for an end", () => {
    const p = new ProjectionPositions(node(doc(para(text("one")), { type: "horizontalRule" }, para(text("two")))));
    expect(p.text).toBe("one\n\ntwo");
    // Position 5 is before the rule, 6 after it: both between the two texts.
    expect(p.toOffset(5, "start")).toBe(5);
    expect(p.toOffset(5, "end")).toBe(3);
    expect(p.toOffset(6, "end")).toBe(3);
    // An empty paragraph is an empty block of its own, at offset 5 between two gaps.
    const q = new ProjectionPositions(node(doc(para(text("one")), para(), para(text("two")))));
    expect(q.text).toBe("one\n\n\n\ntwo");
    expect(q.toOffset(6, "start")).toBe(5);
    expect(q.toOffset(6, "end")).toBe(5);
    expect(q.toPos(5, "start")).toBe(8);
  });

  it("counts a hard break as one newline", () => {
    const json = doc(para(text("line one"), br, text("line two")));
    const p = new ProjectionPositions(node(json));
    expect(p.text).toBe("line one\nline two");
    const start = p.text.indexOf("one");
    const { from, to } = p.toRange(start, start + 7);
    expect(pmText(json, from, to)).toBe("one\nlin");
  });

  it("walks across marks, lists and quotes", () => {
    const json = doc(
      { type: "heading", attrs: { level: 2 }, content: [text("Title")] },
      para(text("plain "), text("bold", [{ type: "bold" }]), text(" end")),
      { type: "bulletList", content: [{ type: "listItem", content: [para(text("item"))] }] },
      { type: "blockquote", content: [para(text("quoted 😀"))] },
    );
    const p = new ProjectionPositions(node(json));
    expect(p.text).toBe(textProjection(json));
    const start = p.text.indexOf("bold end");
    const { from, to } = p.toRange(start, Array.from(p.text).length);
    expect(pmText(json, from, to)).toBe("bold end\n\nitem\n\nquoted 😀");
  });

  it("trims whitespace and block gaps off a selection's quote; a blank selection has none", () => {
    const json = doc(para(text("alpha ")), para(text(" beta")));
    const p = new ProjectionPositions(node(json));
    const quote = p.quoteOf(1, node(json).content.size - 1);
    expect(quote).toMatchObject({ exact: "alpha \n\n beta".trim() });
    expect(p.quoteOf(6, 7)).toBeNull();
    expect(p.quoteOf(3, 3)).toBeNull();
  });

  it("clamps offsets and positions outside the text, and survives an empty document", () => {
    const p = new ProjectionPositions(node(doc(para(text("abc")))));
    expect(p.toPos(-5)).toBe(1);
    expect(p.toPos(99, "end")).toBe(4);
    expect(p.toOffset(0)).toBe(0);
    expect(p.toOffset(99)).toBe(3);
    const empty = new ProjectionPositions(node(doc(para())));
    expect(empty.length).toBe(0);
    expect(empty.toPos(0)).toBe(1);
    expect(empty.toOffset(1)).toBe(0);
  });

  /** Offsets o whose character (o .. o+1) is text or a hard break, not part of a block gap. */
  function onText(p: ProjectionPositions): number[] {
    return p.segments.filter((s) => s.kind !== "separator").flatMap((s) => Array.from({ length: s.end - s.start }, (_, k) => s.start + k));
  }

  it("property: a range from text to text reads back the same words from the doc", () => {
    fc.assert(
      fc.property(docArb, fc.nat(), fc.nat(), (json, a, b) => {
        const p = new ProjectionPositions(node(json));
        expect(p.text).toBe(textProjection(json));
        const offsets = onText(p);
        if (offsets.length === 0) return;
        const [i, j] = [a % offsets.length, b % offsets.length].sort((x, y) => x - y);
        const [start, end] = [offsets[i], offsets[j] + 1];
        const { from, to } = p.toRange(start, end);
        expect(pmText(json, from, to)).toBe(p.slice(start, end));
        expect(p.quoteOf(from, to)?.exact ?? "").toBe(p.slice(start, end).trim());
      }),
      { numRuns: 300 },
    );
  });

  it("property: toOffset(toPos(o)) is o for every offset on text, for either edge", () => {
    fc.assert(
      fc.property(docArb, (json) => {
        const p = new ProjectionPositions(node(json));
        for (const segment of p.segments) {
          if (segment.kind === "separator") continue;
          for (let o = segment.start; o < segment.end; o++) expect(p.toOffset(p.toPos(o, "start"), "start")).toBe(o);
          for (let o = segment.start + 1; o <= segment.end; o++) expect(p.toOffset(p.toPos(o, "end"), "end")).toBe(o);
        }
      }),
      { numRuns: 200 },
    );
  });
});
