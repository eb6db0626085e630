/**
 * Which threads the margin shows: filters by author, tag, mine and unresolved, and a search over
 * note text, tags and the quoted words. Pure: the margin, the sheet and the highlights share it.
 */
import type { Thread } from "./model";

export type ThreadFilters = {
  /** Only threads someone in this set wrote in (root or reply); empty means everyone. */
  authors: readonly string[];
  /** Only threads carrying this tag (root or reply). */
  tag: string | null;
  /** Only threads the viewer started or replied in. */
  mine: boolean;
  /** Only threads not marked resolved. */
  unresolved: boolean;
  /** Words to find in notes, tags and quotes; every word must occur. */
  query: string;
};

export const noFilters: ThreadFilters = { authors: [], tag: null, mine: false, unresolved: false, query: "" };

/** How many filters are on, search aside: the count on the filter button. */
export function activeFilterCount(filters: ThreadFilters): number {
  return (filters.authors.length > 0 ? 1 : 0) + (filters.tag ? 1 : 0) + (filters.mine ? 1 : 0) + (filters.unresolved ? 1 : 0);
}

export function isFiltering(filters: ThreadFilters): boolean {
  return activeFilterCount(filters) > 0 || filters.query.trim() !== "";
}

/** Lower case, accents and other combining marks removed, so "resume" finds "Résumé". */
export function searchKey(text: string): string {
  return text.normalize("NFD").replace(/\p{M}+/gu, "").toLocaleLowerCase();
}

function words(query: string): string[] {
  return searchKey(query).split(/\s+/u).filter(Boolean);
}

/**
 * Whether a thread passes the filters. `quote` is the thread's words as they are now in the text
 * (or its last quote when orphaned), which may differ from the one stored when it was made.
 */
export function matchesFilters(thread: Thread, filters: ThreadFilters, ctx: { viewerId: string; quote?: string }): boolean {
  const notes = [thread.root, ...thread.replies];
  if (filters.authors.length > 0 && !notes.some((n) => filters.authors.includes(n.author.id))) return false;
  if (filters.tag && !notes.some((n) => n.tags.includes(filters.tag as string))) return false;
  if (filters.mine && !notes.some((n) => n.author.id === ctx.viewerId)) return false;
  if (filters.unresolved && thread.root.resolved) return false;
  const wanted = words(filters.query);
  if (wanted.length === 0) return true;
  const haystack = searchKey(
    [ctx.quote ?? thread.root.quote?.exact ?? "", ...notes.flatMap((n) => [n.body, ...n.tags.map((t) => `#${t} ${t}`), n.author.name])].join("\n"),
  );
  return wanted.every((word) => haystack.includes(word));
}

/** The threads that pass, in the given order. */
export function filterThreads(threads: readonly Thread[], filters: ThreadFilters, ctx: { viewerId: string; quoteOf?: (id: string) => string | undefined }): Thread[] {
  if (!isFiltering(filters)) return [...threads];
  return threads.filter((thread) => matchesFilters(thread, filters, { viewerId: ctx.viewerId, quote: ctx.quoteOf?.(thread.root.id) }));
}
