/**
 * Note bodies are Markdown written by anyone in a group; this is the one place they become HTML.
 * marked turns them into HTML, showing any raw HTML as text; sanitize-html then keeps only a small
 * set of text tags and safe links (a second wall), so the result may go into dangerouslySetInnerHTML.
 * Pure and browser-safe: the margin renders notes that arrive over the live connection.
 */
import { Marked } from "marked";
import sanitizeHtml from "sanitize-html";
import { isSafeHref, LINK_PROTOCOLS, LINK_REL, LINK_TARGET } from "../editor/links";

// `@[Full Name]`, the bracketed mention of lib/annotations/mentions.ts, anchored for the tokenizer.
const MENTION = /^@\[([^\]\n]{1,80})\]/;
const MENTION_ANYWHERE = /@\[([^\]\n]{1,80})\]/g;
/** The one class a rendered note may carry: a mention chip, styled in annotations.css. */
const MENTION_CLASS = "mention";

const mentionChip = (name: string) => `<span class="${MENTION_CLASS}">@${escapeHTML(name.trim())}</span>`;

// Raw HTML in a note is shown as the text it is, not interpreted: a note reads exactly as typed.
// Mentions become chips; inside code they stay as typed, as they do for notifications.
const markdown = new Marked({
  gfm: true,
  breaks: true,
  async: false,
  renderer: {
    html: ({ text, block }) => (block ? `<p>${escapeHTML(text.trim()).replace(/\n/g, "<br>")}</p>` : escapeHTML(text)),
  },
  extensions: [
    {
      name: "mention",
      level: "inline",
      start: (src: string) => src.match(/@\[/)?.index,
      tokenizer(src: string) {
        const match = MENTION.exec(src);
        return match?.[1].trim() ? { type: "mention", raw: match[0], name: match[1] } : undefined;
      },
      renderer: (token) => mentionChip(token.name as string),
    },
  ],
});

const ALLOWED_TAGS = [
  "p", "br", "strong", "b", "em", "i", "s", "del", "code", "pre", "blockquote",
  "ul", "ol", "li", "a", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "span",
];

// Dropped with everything inside: their text is code, styling or chrome, never part of a note.
const DROPPED_WITH_CONTENT = [
  "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext", "iframe", "frame",
  "frameset", "object", "embed", "applet", "svg", "math", "canvas", "video", "audio", "textarea", "select", "title",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title", "target", "rel"], ol: ["start"], span: ["class"] },
  allowedSchemes: [...LINK_PROTOCOLS],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: { span: [MENTION_CLASS] },
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

/** Escaped paragraphs of plain text, its mentions as chips. */
function plainTextHTML(body: string): string {
  return body
    .split(/\n{2,}/)
    .filter((block) => block.trim() !== "")
    .map((block) => `<p>${withMentionChips(block).replace(/\n/g, "<br>")}</p>`)
    .join("");
}

/** Escaped text with each `@[Name]` as a chip. */
function withMentionChips(text: string): string {
  let html = "";
  let from = 0;
  for (const match of text.matchAll(MENTION_ANYWHERE)) {
    if (!match[1].trim()) continue;
    html += escapeHTML(text.slice(from, match.index)) + mentionChip(match[1]);
    from = match.index + match[0].length;
  }
  return html + escapeHTML(text.slice(from));
}

function escapeHTML(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}
