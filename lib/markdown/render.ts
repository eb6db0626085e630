/**
 * Note bodies are Markdown written by anyone in a group; this is the one place they become HTML.
 * marked turns them into HTML, showing any raw HTML as text; sanitize-html then keeps only a small
 * set of text tags and safe links (a second wall), so the result may go into dangerouslySetInnerHTML.
 * Pure and browser-safe: the margin renders notes that arrive over the live connection.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { isSafeHref, LINK_PROTOCOLS, LINK_REL, LINK_TARGET } from "../editor/links";

// Raw HTML in a note is shown as the text it is, not interpreted: a note reads exactly as typed.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escapeHTML(text.trim()).replace(/\n/g, "<br>")}</p>` : escapeHTML(text)),
  },
});

const ALLOWED_TAGS = [
  "p", "br", "strong", "b", "em", "i", "s", "del", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
];

// Dropped with everything inside: their text is code, styling or chrome, never part of a note.
const DROPPED_WITH_CONTENT = [
  "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "iframe", "frame",
  "frameset", "object", "embed", "applet", "svg", "math", "canvas", "video", "audio", "textarea", "select", "title",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title", "target", "rel"], ol: ["start"] },
  allowedSchemes: [...LINK_PROTOCOLS],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  nestingLimit: 32,
  transformTags: {
    // A note is a small thing in a margin: its headings read as bold lines, not page titles.
    h1: "h4", h2: "h4", h3: "h4", h5: "h4", h6: "h4",
    // Links keep only a validated absolute href; relative and script URLs lose the link, not the text.
    a: (_tagName, attribs): sanitizeHtml.Tag => {
      const href = attribs.href?.trim();
      if (!isSafeHref(href)) return { tagName: "span", attribs: {} };
      return {
        tagName: "a",
        attribs: { href, target: LINK_TARGET, rel: `${LINK_REL} ugc`, ...(attribs.title ? { title: attribs.title } : {}) },
      };
    },
    ol: (tagName, attribs): sanitizeHtml.Tag => ({ tagName, attribs: /^\d{1,6}$/.test(attribs.start ?? "") ? { start: attribs.start } : {} }),
  },
};

/** Sanitized HTML of a Markdown note; plain-text notes are escaped and keep their line breaks. */
export function renderNoteHTML(body: string, format: "text/markdown" | "text/plain" = "text/markdown"): string {
  if (format === "text/plain") return plainTextHTML(body);
  const html = markdown.parse(body) as string;
  return sanitizeHtml(html, OPTIONS);
}

/** Escaped paragraphs of plain text. */
function plainTextHTML(body: string): string {
  return body
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== "")
    .map((block) => `<p>${escapeHTML(block).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

function escapeHTML(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
