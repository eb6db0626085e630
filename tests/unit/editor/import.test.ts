import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { ImportError, importContent, MAX_IMPORT_BYTES, type ImportFormat } from "../../../lib/editor/import";
import { textProjection } from "../../../lib/editor/projection";

const text = (t: string, marks?: JSONContent["marks"]): JSONContent => (marks ? { type: "text", marks, text: t } : { type: "text", text: t });
const para = (...content: JSONContent[]): JSONContent => (content.length ? { type: "paragraph", content } : { type: "paragraph" });
const br: JSONContent = { type: "hardBreak" };

function importError(format: ImportFormat, content: string): ImportError {
  try {
    importContent(format, content);
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error("import did not fail");
}

describe("plain text import", () => {
  it("splits paragraphs on blank lines and turns single newlines into hard breaks", () => {
    const doc = importContent("text", "first line\nsecond line\n\nnext paragraph");
    expect(doc).toEqual({ type: "doc", content: [para(text("first line"), br, text("second line")), para(text("next paragraph"))] });
  });

  it("treats runs of whitespace-only lines and CRLF/CR line ends as one separator", () => {
    const doc = importContent("text", "\r\n  \r\na\r\nb\r\r \t\n\u00a0\n\nc\n\n\n");
    expect(doc.content).toEqual([para(text("a"), br, text("b")), para(text("c"))]);
  });

  it("keeps whitespace inside lines exactly as typed", () => {
    const doc = importContent("text", "  indented\ttab  \n    code-ish   ");
    expect(doc.content).toEqual([para(text("  indented\ttab  "), br, text("    code-ish   "))]);
  });

  it("keeps typography, markup-like text and Unicode untouched", () => {
    const source = "“Quotes” ‘single’ — em – en … &amp; <b>not bold</b>\n😀 👩🏽‍🔬 🇫🇷 e\u0301 שלום עולם مرحبا \u200f";
    expect(textProjection(importContent("text", source))).toBe(source);
  });

  it("drops a leading byte order mark", () => {
    expect(textProjection(importContent("text", "\ufeffhello"))).toBe("hello");
  });
});

describe("markdown import", () => {
  it("maps the supported block and inline syntax onto the schema", () => {
    const doc = importContent("markdown", "# Title\n\nSome **bold**, *it*, ~~gone~~, `code` and [a link](https://example.com).\n\n- one\n- two\n\n3. three\n\n> quoted\n\n---\n\n##### deep\n");
    expect(doc.content?.map((n) => n.type)).toEqual(["heading", "paragraph", "bulletList", "orderedList", "blockquote", "horizontalRule", "heading"]);
    expect(doc.content?.[0]).toEqual({ type: "heading", attrs: { level: 1 }, content: [text("Title")] });
    expect(doc.content?.[3].attrs).toEqual({ start: 3, type: null });
    expect(doc.content?.[6].attrs).toEqual({ level: 4 });
    const marks = doc.content?.[1].content?.flatMap((n) => n.marks?.map((m) => m.type) ?? []);
    expect(marks).toEqual(["bold", "italic", "strike", "code", "link"]);
    expect(textProjection(doc)).toBe("Title\n\nSome bold, it, gone, code and a link.\n\none\n\ntwo\n\nthree\n\nquoted\n\ndeep");
  });

  it("keeps quotes and dashes as typed (no smartypants, no entity leftovers)", () => {
    const source = `He said "hi" -- 'really' --- “fine” — & < > &amp; … 😀 e\u0301 שלום`;
    expect(textProjection(importContent("markdown", source))).toBe(`He said "hi" -- 'really' --- “fine” — & < > & … 😀 e\u0301 שלום`);
  });

  it("joins soft-wrapped lines and keeps explicit line breaks", () => {
    expect(textProjection(importContent("markdown", "one\ntwo  \nthree"))).toBe("one two\nthree");
  });

  it("keeps fenced code as a code-marked paragraph with its line breaks", () => {
    const doc = importContent("markdown", "```js\nconst a = 1;\n  return a;\n```\n");
    const code = [{ type: "code" }];
    expect(doc.content).toEqual([para(text("const a = 1;", code), br, text("  return a;", code))]);
  });
});

describe("html import", () => {
  it("maps allowed tags and folds h5/h6 into level 4", () => {
    const doc = importContent("html", "<h1>a</h1><h3>b</h3><h6>c</h6><p><b>b</b> <i>i</i> <del>d</del> <s>s</s> <em>e</em> <strong>g</strong></p><ul><li>x<ol><li>y</li></ol></li></ul><blockquote><p>q</p></blockquote><hr>");
    expect(doc.content?.slice(0, 3).map((n) => n.attrs?.level)).toEqual([1, 3, 4]);
    expect(doc.content?.[3].content?.flatMap((n) => n.marks ?? []).map((m) => m.type)).toEqual(["bold", "italic", "strike", "strike", "italic", "bold"]);
    expect(textProjection(doc)).toBe("a\n\nb\n\nc\n\nb i d s e g\n\nx\n\ny\n\nq");
  });

  it("drops invisible leftovers: trailing <br>, empty paragraphs, empty quotes", () => {
    const doc = importContent("html", "<p>a<br></p><p></p><p><br></p><blockquote><p></p></blockquote><h2></h2><p><strong>b<br>c<br></strong></p>");
    expect(doc.content).toEqual([para(text("a")), para(text("b", [{ type: "bold" }]), br, text("c", [{ type: "bold" }]))]);
  });

  it("keeps links with allowed schemes and trims their href", () => {
    const doc = importContent("html", '<p><a href=" https://example.com/a?b=1&amp;c=2 " title="T">x</a> <a href="mailto:me@example.com">m</a> <a href="/relative">r</a> <a href="ftp://x.example">f</a></p>');
    const links = doc.content?.[0].content?.flatMap((n) => n.marks ?? []).map((m) => m.attrs?.href);
    expect(links).toEqual(["https://example.com/a?b=1&c=2", "mailto:me@example.com"]);
    expect(textProjection(doc)).toBe("x m r f");
  });

  it("drops script, style, head and other non-prose content with their text", () => {
    const doc = importContent("html", "<html><head><title>T</title><style>p{}</style></head><body><p>kept<script>var x</script></p><svg><text>svg</text></svg><noscript>ns</noscript><div>div text</div></body></html>");
    expect(textProjection(doc)).toBe("kept\n\ndiv text");
  });

  it("keeps typography and Unicode as typed", () => {
    const source = "“Quotes” — ‘single’ … 😀 👩🏽‍🔬 e\u0301 שלום";
    expect(textProjection(importContent("html", `<p>${source}</p>`))).toBe(source);
  });
});

describe("import errors", () => {
  it("refuses content over MAX_IMPORT_BYTES, counting UTF-8 bytes", () => {
    expect(importError("text", "a".repeat(MAX_IMPORT_BYTES + 1)).code).toBe("too_large");
    expect(importError("text", "é".repeat(MAX_IMPORT_BYTES / 2 + 1)).code).toBe("too_large");
    expect(textProjection(importContent("text", "a".repeat(MAX_IMPORT_BYTES)))).toHaveLength(MAX_IMPORT_BYTES);
  });

  it.each([
    ["text", ""],
    ["text", " \n\t\n\r\n\u00a0"],
    ["markdown", "   \n\n---\n"],
    ["html", "<p></p><script>x</script><img src=x>"],
    ["html", "<hr>"],
  ] as const)("reports %s %j as empty", (format, content) => {
    expect(importError(format, content).code).toBe("empty");
  });

  it("reports NUL and lone surrogates as invalid", () => {
    expect(importError("text", "a\u0000b").code).toBe("invalid");
    expect(importError("html", "<p>\ud83d</p>").code).toBe("invalid");
  });

  it("reports an unknown format as invalid", () => {
    expect(importError("docx" as ImportFormat, "x").code).toBe("invalid");
  });

  it("is an Error subclass with a name", () => {
    const error = importError("text", "");
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe("ImportError");
  });
});
