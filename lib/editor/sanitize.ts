import sanitizeHtml from "sanitize-html";
import { LINK_PROTOCOLS } from "./links";

// Only what the schema can hold; `pre` stays so ProseMirror keeps its line breaks as hard breaks.
const ALLOWED_TAGS = [
  "h1", "h2", "h3", "h4", "p", "br", "ul", "ol", "li", "blockquote",
  "strong", "b", "em", "i", "s", "del", "code", "pre", "a", "hr",
];

// Dropped together with everything inside them: their text is code, styling or chrome, never prose.
const DROPPED_WITH_CONTENT = [
  "script", "style", "template", "noscript", "noembed", "noframes", "xmp", "plaintext",
  "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "canvas",
  "video", "audio", "picture", "map", "head", "title", "textarea", "select", "option", "button",
];

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ALLOWED_TAGS,
  allowedAttributes: { a: ["href", "title"], ol: ["start"] },
  allowedSchemes: [...LINK_PROTOCOLS],
  allowedSchemesByTag: {},
  allowedSchemesAppliedToAttributes: ["href"],
  allowProtocolRelative: false,
  allowedClasses: {},
  allowedStyles: {},
  disallowedTagsMode: "discard",
  nonTextTags: DROPPED_WITH_CONTENT,
  // Deeper nesting than any real text needs only serves to exhaust the parser's stack.
  nestingLimit: 64,
  transformTags: {
    // The schema stops at level 4; folding keeps the deeper headings as headings.
    h5: "h4",
    h6: "h4",
    strike: "s",
    // Table rows become one paragraph each so cells are not glued into a single run of text.
    tr: "p",
    // Browsers ignore the spaces around an href; the stored one should not carry them either.
    a: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: attribs.href === undefined ? attribs : { ...attribs, href: attribs.href.trim() },
    }),
    ol: (tagName, attribs): sanitizeHtml.Tag => ({
      tagName,
      attribs: /^\d{1,9}$/.test(attribs.start ?? "") ? { start: attribs.start } : {},
    }),
  },
};

/** Reduces untrusted HTML to the schema's tags with only safe links; a first wall, not the only one. */
export function sanitizeImportHTML(html: string): string {
  return sanitizeHtml(html, OPTIONS);
}
