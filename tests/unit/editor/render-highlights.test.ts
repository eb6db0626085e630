import { describe, expect, it } from "vitest";
import { renderDocumentHTML } from "@/lib/editor/render";
import { renderHighlightedHTML, type StaticHighlight } from "@/lib/editor/render-highlights";

const doc = {
  type: "doc",
  content: [
    { type: "paragraph", content: [{ type: "text", text: "Marginal notes travel with their words." }] },
    { type: "paragraph", content: [{ type: "text", text: "A second paragraph, " }, { type: "text", marks: [{ type: "bold" }], text: "bold here" }, { type: "text", text: "." }] },
  ],
};
const text = "Marginal notes travel with their words.\n\nA second paragraph, bold here.";
const at = (exact: string, over: Partial<StaticHighlight> = {}): StaticHighlight => {
  const start = text.indexOf(exact);
  return { id: exact, start, end: start + exact.length, exact, mine: false, private: false, pending: false, ...over };
};

describe("renderHighlightedHTML", () => {
  it("is the plain rendering when there is nothing to highlight", () => {
    expect(renderHighlightedHTML(doc, [])).toBe(renderDocumentHTML(doc));
  });

  it("wraps each highlighted stretch in a tinted span, overlaps one level deeper, and keeps the text", () => {
    const html = renderHighlightedHTML(doc, [at("travel with their"), at("their words", { mine: true }), at("paragraph, bold", { private: true, pending: true })]);
    expect(html).toContain('<span class="anno-hl" data-depth="1">travel with </span>');
    expect(html).toContain('<span class="anno-hl" data-depth="2">their</span>');
    expect(html).toContain('<span class="anno-hl" data-depth="1" data-mine="">');
    expect(html).toMatch(/data-private="" data-pending="">paragraph, <\/span>/);
    // Only wrapping: the text reads the same.
    expect(html.replace(/<[^>]+>/g, "")).toBe(renderDocumentHTML(doc).replace(/<[^>]+>/g, ""));
  });

  it("leaves out a highlight whose stored offsets no longer hold its words", () => {
    const stale = { ...at("travel with"), start: 0, end: 11 };
    expect(renderHighlightedHTML(doc, [stale])).not.toContain("anno-hl");
  });

  it("escapes the text as the plain rendering does", () => {
    const risky = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "<script>x</script> & more" }] }] };
    const html = renderHighlightedHTML(risky, [{ id: "a", start: 0, end: 8, exact: "<script>", mine: false, private: false, pending: false }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("&lt;script&gt;");
  });

  it("keeps the line of an empty paragraph and of a closing hard break, as the editor does (its trailing <br>)", () => {
    const withBlanks = {
      type: "doc",
      content: [
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "A line" }, { type: "hardBreak" }] },
        { type: "heading", attrs: { level: 2 } },
        { type: "paragraph", content: [{ type: "text", text: "ends in text" }] },
      ],
    };
    const trailing = '<br class="ProseMirror-trailingBreak">';
    expect(renderHighlightedHTML(withBlanks, [])).toBe(`<p>${trailing}</p><p>A line<br>${trailing}</p><h2>${trailing}</h2><p>ends in text</p>`);
  });
});
