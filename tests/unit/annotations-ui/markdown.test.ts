import { describe, expect, it } from "vitest";
import { renderNoteHTML } from "@/lib/markdown/render";
import { scanHTML } from "../editor/html-scan";
import { XSS_PAYLOADS } from "./xss-corpus";

const TAGS = new Set(["p", "br", "strong", "b", "em", "i", "s", "del", "code", "pre", "blockquote", "ul", "ol", "li", "a", "hr", "h4", "span"]);
const ATTRIBUTES = new Set(["href", "title", "target", "rel", "start"]);

/** Everything in rendered HTML that could run script or load something: tags, attributes, link schemes, stray markup. */
function dangers(html: string): string[] {
  const { tags, residue } = scanHTML(html);
  const found: string[] = [];
  for (const tag of tags) {
    if (!TAGS.has(tag.name)) found.push(`<${tag.name}>`);
    for (const [name, value] of Object.entries(tag.attrs)) {
      if (!ATTRIBUTES.has(name)) found.push(`${tag.name}[${name}]`);
      if (name === "href" && !/^(https?:|mailto:)/i.test(value)) found.push(`href=${value}`);
    }
  }
  if (/[<>]/.test(residue)) found.push(`markup in text: ${residue}`);
  return found;
}

describe("renderNoteHTML", () => {
  it("renders the Markdown a note needs", () => {
    const html = renderNoteHTML("**bold** _it_ `code` ~~gone~~\n\n- one\n- two\n\n> quoted\n\n[a link](https://example.org/x \"title\")");
    expect(html).toContain("<strong>bold</strong>");
    expect(html).toContain("<em>it</em>");
    expect(html).toContain("<code>code</code>");
    expect(html).toContain("<del>gone</del>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain("<blockquote>");
    expect(html).toContain('<a href="https://example.org/x" target="_blank" rel="noopener noreferrer nofollow ugc" title="title">a link</a>');
  });

  it("keeps single line breaks and folds headings to one small level", () => {
    expect(renderNoteHTML("one\ntwo")).toContain("one<br />two");
    expect(renderNoteHTML("# Big").trim()).toBe("<h4>Big</h4>");
  });

  it("shows raw HTML as the text it is, inline and as a block", () => {
    expect(renderNoteHTML("a <b>bold</b> word").trim()).toBe("<p>a &lt;b&gt;bold&lt;/b&gt; word</p>");
    expect(renderNoteHTML("<div onclick=x>\nblock\n</div>")).toBe("<p>&lt;div onclick=x&gt;<br />block<br />&lt;/div&gt;</p>");
  });

  it("escapes plain-text notes", () => {
    expect(renderNoteHTML("<b>x</b>\n\nsecond", "text/plain")).toBe("<p>&lt;b&gt;x&lt;/b&gt;</p><p>second</p>");
  });

  it("drops images: nothing in a note loads from elsewhere", () => {
    expect(renderNoteHTML("![cat](https://example.org/cat.png)")).not.toContain("<img");
  });

  it("(the check itself sees danger in raw payloads)", () => {
    expect(dangers('<img src=x onerror="a()">')).not.toEqual([]);
    expect(dangers('<a href="javascript:a()">x</a>')).not.toEqual([]);
    expect(dangers("<p onclick=a()>x</p>")).not.toEqual([]);
  });

  it.each(XSS_PAYLOADS.map((payload) => [payload]))("leaves nothing that can run in %j", (payload) => {
    const html = renderNoteHTML(payload);
    expect(dangers(html)).toEqual([]);
  });

  it("leaves nothing that can run in all payloads together, in lists and quotes", () => {
    const html = renderNoteHTML(XSS_PAYLOADS.map((p) => `- ${p}\n\n> ${p}`).join("\n\n"));
    expect(dangers(html)).toEqual([]);
  });
});
