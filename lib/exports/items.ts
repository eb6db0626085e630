import type { PresentedAnnotation } from "../presenters/annotation";
import type { AnnotationRow } from "../queries/annotations";

/** One annotation as the exports show it, already as the viewer may see it (names withheld stay withheld). */
export type ExportItem = {
  id: string;
  iri: string;
  /** The visible annotation this one answers: its parent, or its thread's root when the parent is hidden from the viewer. */
  parentId: string | null;
  author: string;
  created: string;
  quote: string | null;
  note: string;
  noteFormat: string;
  tags: string[];
  visibility: string;
  status: string;
  orphaned: boolean;
  /** Where the quote starts in the text, for document order; null when orphaned or a reply. */
  position: number | null;
};

/** An export item with its replies, in reading order. */
export type ExportThread = ExportItem & { replies: ExportThread[] };

type Body = { value?: string; purpose?: string; format?: string };
type Selector = { type?: string; exact?: string; start?: number };

/**
 * Turns a presented annotation (the viewer's representation) and its row's thread facts into
 * an export item. `visibleIds` decides the parent: a hidden parent is replaced by the root.
 */
export function exportItemOf(row: Pick<AnnotationRow, "id" | "parentId" | "threadId">, presented: PresentedAnnotation, visibleIds: ReadonlySet<string>): ExportItem {
  const bodies = ([] as Body[]).concat((presented as { body?: Body | Body[] }).body ?? []);
  const note = bodies.find((b) => b.purpose !== "tagging");
  const target = presented.target as string | { selector?: Selector[] };
  const selectors = typeof target === "string" ? [] : (target.selector ?? []);
  const parentId = row.parentId && visibleIds.has(row.parentId) ? row.parentId : row.threadId && visibleIds.has(row.threadId) ? row.threadId : null;
  return {
    id: row.id,
    iri: presented.id,
    parentId,
    author: presented.creator.name,
    created: presented.created,
    quote: typeof target === "string" ? null : (selectors.find((s) => s.type === "TextQuoteSelector")?.exact ?? null),
    note: note?.value ?? "",
    noteFormat: note?.format ?? "text/markdown",
    tags: bodies.filter((b) => b.purpose === "tagging").map((b) => b.value ?? ""),
    visibility: presented.visibility,
    status: presented.moderationStatus,
    orphaned: presented.orphaned,
    position: selectors.find((s) => s.type === "TextPositionSelector")?.start ?? null,
  };
}

const byCreated = (a: ExportItem, b: ExportItem) => a.created.localeCompare(b.created) || a.id.localeCompare(b.id);

/** Top-level annotations in document order (orphans last), each with its replies nested by date. */
export function threadsOf(items: ExportItem[]): ExportThread[] {
  const nodes = new Map(items.map((item) => [item.id, { ...item, replies: [] as ExportThread[] }]));
  const roots: ExportThread[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent) parent.replies.push(node);
    else roots.push(node);
  }
  const sortReplies = (node: ExportThread) => {
    node.replies.sort(byCreated);
    node.replies.forEach(sortReplies);
  };
  roots.forEach(sortReplies);
  return roots.sort((a, b) => {
    if ((a.position === null) !== (b.position === null)) return a.position === null ? 1 : -1;
    return (a.position ?? 0) - (b.position ?? 0) || byCreated(a, b);
  });
}

/** Every item of the threads, depth-first: each annotation followed by its replies. */
export function flattenThreads(threads: ExportThread[]): ExportThread[] {
  return threads.flatMap((t) => [t, ...flattenThreads(t.replies)]);
}
