/**
 * The order of the margin's threads and which of them fold away. Pure: the margin, the sheet
 * and their tests share it.
 */
import type { Thread } from "./model";

export type ThreadSort = "position" | "activity" | "reactions";

export const THREAD_SORTS: { value: ThreadSort; label: string }[] = [
  { value: "position", label: "Position in the text" },
  { value: "activity", label: "Latest activity" },
  { value: "reactions", label: "Most reactions" },
];

/** The newest moment anyone wrote or changed something in the thread. */
export function lastActivity(thread: Thread): string {
  let latest = thread.root.modified > thread.root.created ? thread.root.modified : thread.root.created;
  for (const reply of thread.replies) {
    const at = reply.modified > reply.created ? reply.modified : reply.created;
    if (at > latest) latest = at;
  }
  return latest;
}

/** Every reaction on the thread's notes, replies included. */
export function reactionTotal(thread: Thread): number {
  return [thread.root, ...thread.replies].reduce((sum, note) => sum + note.reactions.helpful + note.reactions.question, 0);
}

/**
 * Threads in the chosen order. `startOf` gives a thread's place in the text; it breaks ties in the
 * other orders too, so equal threads keep reading order.
 */
export function sortThreads(threads: readonly Thread[], sort: ThreadSort, startOf: (thread: Thread) => number): Thread[] {
  const byPosition = (a: Thread, b: Thread) => startOf(a) - startOf(b) || (a.root.id < b.root.id ? -1 : a.root.id > b.root.id ? 1 : 0);
  const list = [...threads];
  if (sort === "activity") {
    const at = new Map(list.map((t) => [t.root.id, lastActivity(t)]));
    return list.sort((a, b) => (at.get(a.root.id)! < at.get(b.root.id)! ? 1 : at.get(a.root.id)! > at.get(b.root.id)! ? -1 : byPosition(a, b)));
  }
  if (sort === "reactions") return list.sort((a, b) => reactionTotal(b) - reactionTotal(a) || byPosition(a, b));
  return list.sort(byPosition);
}

/**
 * Resolved threads fold away unless asked for; the focused one stays out so a deep link or a
 * click on its words still finds its card.
 */
export function foldResolved(threads: readonly Thread[], opts: { showResolved: boolean; keepId?: string | null }): { open: Thread[]; folded: number } {
  if (opts.showResolved) return { open: [...threads], folded: threads.filter((t) => t.root.resolved).length };
  const open = threads.filter((t) => !t.root.resolved || t.root.id === opts.keepId);
  return { open, folded: threads.length - open.length };
}

/** The annotation id in a `#annotation-<id>` link, or null. */
export function annotationIdFromHash(hash: string): string | null {
  const match = /^#annotation-([A-Za-z0-9_-]+)$/.exec(hash);
  return match && match[1] !== "orphans" ? match[1] : null;
}
