import type { JSONContent } from "@tiptap/core";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import * as Y from "yjs";
import { CodePointIndex } from "../../../lib/anchoring/codepoints";
import { buildProjectionMap } from "../../../lib/anchoring/projection-map";
import { COLLAB_FIELD } from "../../../lib/editor/extensions";
import { textProjection } from "../../../lib/editor/projection";
import { jsonToYUpdate, yDocToJSON } from "../../../lib/editor/ydoc";
import { docArb } from "../editor/arbitraries";
import { deleteRange, insertHardBreak, insertText, splitBlock } from "./edits";

const docOf = (json: JSONContent) => {
  const doc = new Y.Doc();
  Y.applyUpdate(doc, jsonToYUpdate(json));
  return doc;
};
const text = (t: string): JSONContent => ({ type: "text", text: t });
const para = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", ...(content.length && { content }) });
const expectAgreement = (doc: Y.Doc) => expect(buildProjectionMap(doc).text).toBe(textProjection(yDocToJSON(doc)));

/** Checks the runs against the text and every Y.XmlText index against the runs. */
function expectConsistentRuns(doc: Y.Doc) {
  const map = buildProjectionMap(doc);
  const points = Array.from(map.text);
  let offset = 0;
  const runs = Array.from({ length: map.runCount }, (_, i) => map.run(i));
  for (const run of runs) {
    expect(run.start).toBe(offset);
    const piece = points.slice(run.start, run.end).join("");
    expect(piece).toBe(map.text.slice(run.unit, run.unit + run.units));
    if (run.kind === "separator") expect(piece).toBe("\n\n");
    if (run.kind === "hardBreak") expect(piece).toBe("\n");
    if (run.kind === "text") {
      const owner = run.owner as Y.XmlText;
      const first = runs.find((r) => r.owner === owner)!;
      expect(map.offsetOf(owner, run.unit - first.unit, "start")).toBe(run.start);
      expect(map.offsetOf(owner, run.unit - first.unit + run.units, "end")).toBe(run.end);
    }
    offset = run.end;
  }
  expect(offset).toBe(map.length);
  expect(map.length).toBe(points.length);
}

describe("buildProjectionMap", () => {
  it("agrees with textProjection(yDocToJSON) on arbitrary documents", () => {
    fc.assert(
      fc.property(docArb, (json) => {
        const doc = docOf(json);
        expectAgreement(doc);
        expectConsistentRuns(doc);
      }),
      { numRuns: 300 },
    );
  });

  it("agrees after edits that split items, leave tombstones and move content", () => {
    const editArb = fc.tuple(fc.constantFrom("insert", "delete", "split", "hardBreak", "format"), fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1, max: 6 }));
    fc.assert(
      fc.property(docArb, fc.array(editArb, { maxLength: 8 }), (json, edits) => {
        const doc = docOf(json);
        for (const [kind, fraction, size] of edits) {
          const p = Math.round(fraction * buildProjectionMap(doc).length);
          if (kind === "insert") insertText(doc, p, Array.from("😀ab👩🏽‍🔬").slice(0, size).join(""));
          else if (kind === "delete") deleteRange(doc, p, p + size);
          else if (kind === "split") splitBlock(doc, p);
          else if (kind === "hardBreak") insertHardBreak(doc, p);
          else {
            const map = buildProjectionMap(doc);
            const i = map.runAtUnit(map.toUtf16(p));
            if (i >= 0 && map.run(i).kind === "text") (map.run(i).owner as Y.XmlText).format(0, size, { italic: {} });
          }
        }
        expectAgreement(doc);
        expectConsistentRuns(doc);
      }),
      { numRuns: 200 },
    );
  });

  it("drops what y-tiptap drops: invalid elements, unknown nodes and marks", () => {
    const doc = new Y.Doc();
    const fragment = doc.getXmlFragment(COLLAB_FIELD);
    const element = (name: string, ...children: (Y.XmlElement | Y.XmlText)[]) => {
      const el = new Y.XmlElement(name);
      el.insert(0, children);
      return el;
    };
    const marked = new Y.XmlText();
    marked.insert(0, "lost", { comment: { id: 1 } });
    const hashed = new Y.XmlText();
    hashed.insert(0, "kept", { "link--AbCd1234": { href: "https://x.example" } });
    fragment.insert(0, [
      element("paragraph", new Y.XmlText("first")),
      element("blockquote"),
      element("bulletList", element("listItem", element("bulletList", element("listItem", element("paragraph", new Y.XmlText("bad")))))),
      element("paragraph", element("paragraph", new Y.XmlText("nested"))),
      element("video", element("paragraph", new Y.XmlText("unknown"))),
      element("blockquote", new Y.XmlText("loose")),
      element("paragraph", new Y.XmlText("a"), marked, element("hardBreak"), hashed, new Y.XmlText("")),
      element("heading", new Y.XmlText("end")),
    ]);
    const map = buildProjectionMap(doc);
    expect(map.text).toBe("first\n\na\nkept\n\nend");
    expectAgreement(doc);
    expect(map.offsetOf(marked, 0, "start")).toBeNull();
    expect(map.offsetOf(fragment.get(3) as Y.XmlElement, 0, "start")).toBeNull();
  });

  it("maps container boundaries to the next block's start or the previous block's end", () => {
    const doc = docOf({ type: "doc", content: [para(text("ab")), { type: "horizontalRule" }, para(), para(text("😀c"))] });
    const map = buildProjectionMap(doc);
    const fragment = doc.getXmlFragment(COLLAB_FIELD);
    expect(map.text).toBe("ab\n\n\n\n😀c");
    expect([0, 1, 2, 3, 4].map((i) => map.offsetOf(fragment, i, "start"))).toEqual([0, 4, 4, 6, 8]);
    expect([0, 1, 2, 3, 4].map((i) => map.offsetOf(fragment, i, "end"))).toEqual([0, 2, 2, 4, 8]);
    const last = (fragment.get(3) as Y.XmlElement).get(0) as Y.XmlText;
    expect([0, 2, 3].map((i) => map.offsetOf(last, i, "start"))).toEqual([6, 7, 8]);
    expect(map.offsetOf(last, 1, "start")).toBe(6);
    expect(map.slice(5, 8)).toBe("\n😀c");
  });
});

describe("CodePointIndex", () => {
  it("converts like Array.from, lone surrogates included", () => {
    const unit = fc.constantFrom("a", "😀", "\ud83d", "\ude00", "e\u0301", "ש", "𝔘");
    fc.assert(
      fc.property(fc.array(unit, { maxLength: 20 }), fc.nat(), fc.nat(), (parts, i, j) => {
        const s = parts.join("");
        const points = Array.from(s);
        const index = new CodePointIndex(s);
        expect(index.length).toBe(points.length);
        const [a, b] = [i % (points.length + 1), j % (points.length + 1)].sort((x, y) => x - y);
        expect(index.slice(a, b)).toBe(points.slice(a, b).join(""));
        expect(index.toUtf16(a)).toBe(points.slice(0, a).join("").length);
        expect(index.toCodePoint(index.toUtf16(a))).toBe(a);
      }),
      { numRuns: 300 },
    );
    expect(new CodePointIndex("a😀b").toCodePoint(2)).toBe(1);
  });
});
