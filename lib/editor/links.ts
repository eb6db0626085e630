import type { JSONContent } from "@tiptap/core";

/** URL schemes a link may use; everything else (javascript:, data:, relative URLs) is refused. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

/** The rel every rendered link carries, whatever a document's JSON claims. */
export const LINK_REL = "noopener noreferrer nofollow";

/** Where rendered links open; external links open aside so the reader keeps their place in the text. */
export const LINK_TARGET = "_blank";

// Browsers silently drop tabs/newlines inside URLs ("java\tscript:"), so any control character is refused outright.
const CONTROL_CHARS = /[\u0000-\u001F\u007F-\u009F]/;

/** Whether `href` is an absolute http(s)/mailto URL; the one validator shared by editor, import and render. */
export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string" || CONTROL_CHARS.test(href)) return false;
  let url: URL;
  try {
    // URL parsing trims and resolves exactly as a browser would before deciding the scheme.
    url = new URL(href);
  } catch {
    return false;
  }
  const scheme = url.protocol.slice(0, -1).toLowerCase();
  return (LINK_PROTOCOLS as readonly string[]).includes(scheme);
}

/**
 * Returns a copy of a document JSON whose link marks keep only a safe href and a string title.
 * Trap: Tiptap renders a link's own rel/target/class attrs over the configured defaults, and
 * collaborators can write any attrs into the Y.Doc, so untrusted JSON must pass through this.
 */
export function sanitizeLinkMarks(node: JSONContent): JSONContent {
  const copy: JSONContent = { ...node };
  if (node.marks) {
    copy.marks = node.marks.flatMap((mark) => {
      if (mark.type !== "link") return [mark];
      const href = mark.attrs?.href;
      if (!isSafeHref(href)) return [];
      const title = typeof mark.attrs?.title === "string" ? mark.attrs.title : null;
      return [{ type: "link", attrs: { href, target: LINK_TARGET, rel: LINK_REL, class: null, title } }];
    });
  }
  if (node.content) copy.content = node.content.map(sanitizeLinkMarks);
  return copy;
}
