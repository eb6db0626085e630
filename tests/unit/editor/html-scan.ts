/** A tag found in serialized HTML, with its attributes decoded. */
export interface ScannedTag {
  name: string;
  closing: boolean;
  attrs: Record<string, string>;
}

const TAG = /<(\/?)([a-zA-Z][a-zA-Z0-9-]*)((?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*\/?>/g;
const ATTR = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function decode(value: string): string {
  return value
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&nbsp;/g, "\u00a0")
    .replace(/&amp;/g, "&");
}

/**
 * Splits serializer output into tags and the text left between them. Attribute values may hold
 * `>` (happy-dom does not escape it there), so tags are matched quote-aware.
 */
export function scanHTML(html: string): { tags: ScannedTag[]; residue: string } {
  const tags: ScannedTag[] = [];
  const residue = html.replace(TAG, (_match, slash: string, name: string, rawAttrs: string) => {
    const attrs: Record<string, string> = {};
    for (const m of rawAttrs.matchAll(ATTR)) {
      attrs[m[1].toLowerCase()] = decode(m[2] ?? m[3] ?? m[4] ?? "");
    }
    tags.push({ name: name.toLowerCase(), closing: slash === "/", attrs });
    return "";
  });
  return { tags, residue };
}
