import type { JSONContent } from "@tiptap/core";
import { describe, expect, it } from "vitest";
import { getEditorSchema } from "../../../lib/editor/extensions";
import { ImportError, importContent, type ImportFormat } from "../../../lib/editor/import";
import { isSafeHref } from "../../../lib/editor/links";
import { textProjection } from "../../../lib/editor/projection";
import { renderDocumentHTML } from "../../../lib/editor/render";
import { scanHTML } from "./html-scan";

const ALLOWED_ATTRS: Record<string, string[]> = {
  a: ["href", "target", "rel", "title"],
  ol: ["start", "type"],
};
const ALLOWED_TAGS = new Set(["p", "br", "h1", "h2", "h3", "h4", "ul", "ol", "li", "blockquote", "strong", "em", "s", "code", "a", "hr"]);

function expectSafeHTML(html: string) {
  const { tags, residue } = scanHTML(html);
  expect(residue).not.toMatch(/[<>]/);
  for (const tag of tags) {
    expect(ALLOWED_TAGS.has(tag.name), `tag <${tag.name}> in ${html}`).toBe(true);
    for (const attr of Object.keys(tag.attrs)) {
      expect(ALLOWED_ATTRS[tag.name] ?? [], `attribute ${attr} on <${tag.name}>`).toContain(attr);
    }
    if (tag.name === "a" && !tag.closing) {
      expect(isSafeHref(tag.attrs.href), `href ${tag.attrs.href}`).toBe(true);
      expect(tag.attrs.rel).toBe("noopener noreferrer nofollow");
    }
  }
}

function expectSafeJSON(node: JSONContent) {
  const schema = getEditorSchema();
  expect(schema.nodes[node.type ?? ""], `node type ${node.type}`).toBeDefined();
  for (const mark of node.marks ?? []) {
    expect(schema.marks[mark.type], `mark type ${mark.type}`).toBeDefined();
    if (mark.type === "link") expect(isSafeHref(mark.attrs?.href)).toBe(true);
  }
  node.content?.forEach(expectSafeJSON);
}

/** Imports, tolerating the payload vanishing entirely (an empty import is a safe outcome). */
function tryImport(format: ImportFormat, payload: string): JSONContent | null {
  try {
    return importContent(format, payload);
  } catch (error) {
    if (error instanceof ImportError && error.code === "empty") return null;
    throw error;
  }
}

// Every active payload calls alert(); none of them is meant to leave that word anywhere.
const HTML_PAYLOADS = [
  "<script>alert(1)</script>",
  "<SCRIPT SRC=//evil.example/alert(1).js></SCRIPT>",
  "<img src=x onerror=alert(1)>",
  '<p onclick="alert(1)">text</p>',
  "<svg onload=alert(1)>",
  "<svg><script>alert(1)</script></svg>",
  '<svg><a href="javascript:alert(1)"><text>alert(1)</text></a></svg>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  "<iframe><p>alert(1)</p>",
  "<style>@import 'javascript:alert(1)';</style>",
  '<p style="background:url(javascript:alert(1))">styled</p>',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  "<details open ontoggle=alert(1)>",
  "<body onload=alert(1)>",
  '<form action="javascript:alert(1)"><button>alert(1)</button></form>',
  '<a href="https://ok.example" onmouseover="alert(1)">ok</a>',
  "<input onfocus=alert(1) autofocus>",
  "<template><img src=x onerror=alert(1)></template>",
  "<!--<img src=x onerror=alert(1)>-->",
  "<xmp><img src=x onerror=alert(1)></xmp>",
  "<textarea><img src=x onerror=alert(1)></textarea>",
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<link rel=stylesheet href="javascript:alert(1)">',
  '<video><source onerror="alert(1)"></video>',
  '<a href="javascript:alert(1)">click</a>',
  '<a href="JaVaScRiPt:alert(1)">click</a>',
  '<a href=" javascript:alert(1)">click</a>',
  '<a href="jav&#x09;ascript:alert(1)">click</a>',
  '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">click</a>',
  '<a href="&#x6A;avascript&colon;alert(1)">click</a>',
  '<a href="javascript&#58;alert(1)">click</a>',
  '<a href="vbscript:alert(1)">click</a>',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">click</a>',
  '<a href="javascript:alert(1)"><strong>bold link</strong></a>',
  '<a href="https://ok.example" target="_top" rel="opener" class="fixed inset-0">ok</a>',
];

const MARKDOWN_PAYLOADS = [
  "[click](javascript:alert(1))",
  "[click](JAVASCRIPT:alert(1))",
  "[click](&#106;avascript:alert(1))",
  "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
  "![img](javascript:alert(1))",
  "[click][ref]\n\n[ref]: javascript:alert(1)",
  "Text <img src=x onerror=alert(1)> more",
  "<script>alert(1)</script>\n\nafter",
  ...HTML_PAYLOADS,
];

// These leave "alert" behind, but only as text or inside an escaped title attribute.
const MARKDOWN_INERT_PAYLOADS = [
  "<javascript:alert(1)>",
  '[click](https://ok.example "title\\" onmouseover=\\"alert(1)")',
  "`<img src=x onerror=alert(1)>`",
  "    <script>alert(1)</script>",
];

describe("XSS corpus through import and render", () => {
  const cases = [
    ...HTML_PAYLOADS.map((payload) => ["html", payload] as const),
    ...MARKDOWN_PAYLOADS.map((payload) => ["markdown", payload] as const),
  ];

  it.each(cases)("%s: %s", (format, payload) => {
    const doc = tryImport(format, payload);
    if (doc === null) return;
    expectSafeJSON(doc);
    const html = renderDocumentHTML(doc);
    expectSafeHTML(html);
    expect(html.toLowerCase()).not.toContain("alert");
    expect(JSON.stringify(doc).toLowerCase()).not.toContain("alert");
    expect(html.toLowerCase()).not.toMatch(/javascript:|data:|vbscript:/);
  });

  it.each(MARKDOWN_INERT_PAYLOADS)("markdown, inert: %s", (payload) => {
    const doc = importContent("markdown", payload);
    expectSafeJSON(doc);
    const html = renderDocumentHTML(doc);
    expectSafeHTML(html);
    expect(html.toLowerCase()).not.toMatch(/javascript:[^<]*<\/a>|href="javascript|<script|<img/);
  });

  it("keeps the visible text of a neutralised link", () => {
    const doc = importContent("html", '<p>before <a href="javascript:alert(1)">click</a> after</p>');
    expect(textProjection(doc)).toBe("before click after");
    expect(renderDocumentHTML(doc)).toBe("<p>before click after</p>");
  });

  it("keeps escaped markup as inert text", () => {
    const doc = importContent("html", "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;</p>");
    expect(textProjection(doc)).toBe("<script>alert(1)</script> &lt;");
    const html = renderDocumentHTML(doc);
    expect(html).toBe("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt;</p>");
    expectSafeHTML(html);
  });

  it("renders plain text that looks like markup as text", () => {
    const payload = '<img src=x onerror=alert(1)> "quotes" & <a href="javascript:x">';
    const doc = importContent("text", payload);
    expect(textProjection(doc)).toBe(payload);
    const html = renderDocumentHTML(doc);
    expectSafeHTML(html);
    expect(scanHTML(html).tags.map((t) => t.name)).toEqual(["p", "p"]);
  });
});

describe("renderDocumentHTML with hostile JSON", () => {
  const text = (t: string, marks?: JSONContent["marks"]): JSONContent => ({ type: "text", text: t, marks });
  const para = (...content: JSONContent[]): JSONContent => ({ type: "paragraph", content });
  const doc = (...content: JSONContent[]): JSONContent => ({ type: "doc", content });

  it("drops links whose href is unsafe, keeping their text", () => {
    for (const href of ["javascript:alert(1)", "data:text/html,x", " javascript:alert(1)", "java\nscript:alert(1)", "/relative", "", null]) {
      const html = renderDocumentHTML(doc(para(text("x", [{ type: "link", attrs: { href } }]))));
      expect(html).toBe("<p>x</p>");
    }
  });

  it("forces rel/target and drops class on links whatever the JSON says", () => {
    const mark = { type: "link", attrs: { href: "https://ok.example/?a=1&b=2", rel: "opener", target: "_top", class: "fixed inset-0", title: '"><img src=x>' } };
    const html = renderDocumentHTML(doc(para(text("ok", [mark]))));
    expectSafeHTML(html);
    const a = scanHTML(html).tags.find((tag) => tag.name === "a" && !tag.closing);
    expect(a?.attrs).toEqual({ href: "https://ok.example/?a=1&b=2", target: "_blank", rel: "noopener noreferrer nofollow", title: '"><img src=x>' });
  });

  it("escapes text and attribute values", () => {
    const html = renderDocumentHTML(
      doc(
        para(text("</p><script>alert(1)</script>&amp;")),
        { type: "heading", attrs: { level: 9 }, content: [text("<h1>")] },
        { type: "orderedList", attrs: { start: '"><img src=x onerror=alert(1)>', type: '" onclick="x' }, content: [{ type: "listItem", content: [para(text("li"))] }] },
      ),
    );
    expectSafeHTML(html);
    expect(html).toContain("&lt;/p&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;amp;");
    expect(html).toContain("<h1>&lt;h1&gt;</h1>");
  });

  it("refuses node and mark types outside the schema", () => {
    expect(() => renderDocumentHTML(doc({ type: "image", attrs: { src: "x" } }))).toThrow();
    expect(() => renderDocumentHTML(doc(para(text("x", [{ type: "underline" }]))))).toThrow();
  });
});
