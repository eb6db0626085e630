/** The entity tags of an If-Match / If-None-Match header; `"*"` stands for any. */
export function parseEntityTags(header: string | null | undefined): string[] {
  if (!header) return [];
  const tags = header.match(/\*|(?:W\/)?"[^"]*"/g) ?? [];
  return tags.map((t) => t.trim());
}

const opaque = (tag: string) => tag.replace(/^W\//, "");

/**
 * True when an If-Match header is present and names neither the current strong ETag nor
 * `*`: the write must answer 412. Weak tags never match here (RFC 9110 §13.1.1).
 */
export function ifMatchFails(header: string | null | undefined, etag: string): boolean {
  if (header === null || header === undefined || !header.trim()) return false;
  const tags = parseEntityTags(header);
  return !tags.some((t) => t === "*" || (!t.startsWith("W/") && t === etag));
}

/** True when If-None-Match names the current ETag (weak comparison) or `*`: GET answers 304. */
export function ifNoneMatchHits(header: string | null | undefined, etag: string): boolean {
  const tags = parseEntityTags(header);
  return tags.some((t) => t === "*" || opaque(t) === opaque(etag));
}
