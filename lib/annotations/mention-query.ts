/**
 * The @mention being typed at the caret of a note, for completion: `@` at the start or after a
 * space or bracket, then up to 40 characters of a name (letters, digits, spaces between words),
 * or null. Pure, shared by the composer and its tests.
 */
export function mentionQueryAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const at = before.lastIndexOf("@");
  if (at < 0 || caret - at > 41) return null;
  if (at > 0 && !/[\s([{"'“‘]/u.test(before[at - 1])) return null;
  const query = before.slice(at + 1);
  if (query.startsWith("[")) return null;
  if (!/^[\p{L}\p{M}\p{N}_.'’-]*( [\p{L}\p{M}\p{N}_.'’-]+)*$/u.test(query)) return null;
  return { start: at, query };
}

/** Replaces the typed mention with the bracketed full name the server recognises, and a space. */
export function insertMention(text: string, mention: { start: number }, caret: number, name: string): { text: string; caret: number } {
  const inserted = `@[${name}] `;
  return { text: text.slice(0, mention.start) + inserted + text.slice(caret), caret: mention.start + inserted.length };
}
