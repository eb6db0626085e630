import { describe, expect, it } from "vitest";
import { COLLAB_FIELD, editorExtensions, getEditorSchema } from "../../../lib/editor/extensions";
import { isSafeHref, sanitizeLinkMarks } from "../../../lib/editor/links";

describe("editor schema", () => {
  it("holds exactly the supported nodes and marks", () => {
    const schema = getEditorSchema();
    expect(Object.keys(schema.nodes).sort()).toEqual(
      ["blockquote", "bulletList", "doc", "hardBreak", "heading", "horizontalRule", "listItem", "orderedList", "paragraph", "text"],
    );
    expect(Object.keys(schema.marks).sort()).toEqual(["bold", "code", "italic", "link", "strike"]);
  });

  it("is built once", () => {
    expect(getEditorSchema()).toBe(getEditorSchema());
  });

  it("limits headings to levels 1-4 and configures links safely", () => {
    const starterKit = editorExtensions.find((e) => e.name === "starterKit");
    expect(starterKit?.options.heading).toEqual({ levels: [1, 2, 3, 4] });
    expect(starterKit?.options.undoRedo).toBe(false);
    expect(starterKit?.options.link).toMatchObject({ openOnClick: false, autolink: true });
    expect(getEditorSchema().marks.link.spec.attrs?.rel.default).toBe("noopener noreferrer nofollow");
  });

  it("names the Yjs fragment like Tiptap's Collaboration extension", () => {
    expect(COLLAB_FIELD).toBe("default");
  });
});

describe("isSafeHref", () => {
  it.each(["https://example.com", "http://example.com/a?b=c#d", "mailto:me@example.com", "HTTPS://EXAMPLE.COM", " https://example.com "])(
    "accepts %j",
    (href) => expect(isSafeHref(href)).toBe(true),
  );

  it.each([
    "javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "java\nscript:alert(1)",
    "\u0000javascript:alert(1)", "data:text/html,x", "vbscript:x", "ftp://example.com", "tel:123", "/relative", "#top",
    "//example.com", "example.com", "", "https://", "\u00a0https://example.com",
  ])("refuses %j", (href) => expect(isSafeHref(href)).toBe(false));

  it("refuses non-strings", () => {
    for (const href of [null, undefined, 1, {}, ["https://x.example"]]) expect(isSafeHref(href)).toBe(false);
  });
});

describe("sanitizeLinkMarks", () => {
  it("keeps other marks and nodes untouched and does not mutate its input", () => {
    const input = {
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }, { type: "link", attrs: { href: "javascript:x" } }] }] }],
    };
    const copy = structuredClone(input);
    expect(sanitizeLinkMarks(input)).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "x", marks: [{ type: "bold" }] }] }],
    });
    expect(input).toEqual(copy);
  });
});
