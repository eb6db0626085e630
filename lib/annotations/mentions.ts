/**
 * Mentions in a note: `@[Full Name]` (what the editor's completion inserts) or `@Word` when
 * exactly one member's name, without spaces, or first name equals it (case-insensitive).
 * Code spans and fenced blocks are skipped, so pasted code never pings anyone.
 */
export type Mentionable = { id: string; name: string };

const BRACKETED = /@\[([^\]\n]{1,80})\]/g;
const BARE = /(^|[^\w@[])@([\p{L}\p{N}_.-]{2,40})/gu;

function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, " ").replace(/`[^`\n]*`/g, " ");
}

const key = (s: string) => s.normalize("NFC").toLocaleLowerCase();

/** The members a note mentions, each once, in order of first mention. */
export function findMentions(markdown: string, members: readonly Mentionable[]): Mentionable[] {
  const text = withoutCode(markdown);
  const byName = new Map<string, Mentionable[]>();
  const add = (k: string, m: Mentionable) => byName.set(k, [...(byName.get(k) ?? []), m]);
  for (const member of members) {
    add(`full:${key(member.name.trim())}`, member);
    add(`bare:${key(member.name.replace(/\s+/g, ""))}`, member);
    const first = member.name.trim().split(/\s+/)[0];
    if (first && first.length !== member.name.trim().length) add(`bare:${key(first)}`, member);
  }
  const found: Mentionable[] = [];
  const push = (candidates: Mentionable[] | undefined) => {
    const unique = candidates ? [...new Set(candidates)] : [];
    if (unique.length === 1 && !found.includes(unique[0])) found.push(unique[0]);
  };
  for (const match of text.matchAll(BRACKETED)) push(byName.get(`full:${key(match[1].trim())}`));
  for (const match of text.matchAll(BARE)) push(byName.get(`bare:${key(match[2].replace(/[.-]+$/, ""))}`));
  return found;
}
