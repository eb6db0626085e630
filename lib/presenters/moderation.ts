import { canSeeAuthorOf, isAnnotationVisibleTo, type Viewer } from "../policies/annotations";
import type { LogRow, ModeratorNoteRow, QueueRow } from "../queries/moderation";
import type { NotificationRow } from "../queries/notifications";
import { ANONYMOUS_NAME, documentIri, presentAnnotation } from "./annotation";

/** A short, single-line excerpt for lists. */
export function excerpt(text: string | null | undefined, max = 160) {
  const line = (text ?? "").replace(/\s+/g, " ").trim();
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** A flag as moderators see it: why and when, never who. */
export function presentFlag(flag: { id?: string; annotationId?: string; reason: string; text: string; createdAt: Date }) {
  return { ...(flag.id ? { id: flag.id } : {}), ...(flag.annotationId ? { annotationId: flag.annotationId } : {}), reason: flag.reason, text: flag.text || null, at: flag.createdAt.toISOString() };
}

/** A queue entry: the annotation's JSON-LD, its open flags without flaggers, and context for a quick decision. */
export function presentQueueItem(row: QueueRow, origin: string, viewer: Viewer) {
  return {
    annotation: presentAnnotation(row, origin, viewer),
    flags: row.flags.map(({ id: _id, ...f }) => presentFlag(f)),
    flagCount: row.flags.length,
    document: { id: row.document.id, title: row.document.title, url: documentIri(origin, row.document.id) },
    author: { id: row.author.id, name: row.author.name },
    quote: row.quoteExact ?? row.thread?.quoteExact ?? null,
    inReplyTo: row.parent ? { id: row.parent.id, author: row.parent.author.name, excerpt: excerpt(row.parent.body) } : null,
  };
}

/** A log row as the API documents it, plus the member it was about and, when still visible, what the item said. */
export function presentLogEntry(row: LogRow, viewer: Viewer) {
  const item = row.annotation && isAnnotationVisibleTo(viewer, row.annotation) ? row.annotation : null;
  return {
    id: row.id,
    at: row.createdAt.toISOString(),
    actor: { id: row.actor.id, name: row.actor.name },
    action: row.action,
    annotationId: row.annotationId,
    from: row.from,
    to: row.to,
    note: row.note,
    subject: row.subject ? { id: row.subject.id, name: row.subject.name } : null,
    item: item ? { documentId: item.documentId, excerpt: excerpt(item.quoteExact || item.body, 120) } : null,
  };
}

export function presentModeratorNote(row: ModeratorNoteRow) {
  return { id: row.id, annotationId: row.annotationId, body: row.body, author: { id: row.author.id, name: row.author.name }, at: row.createdAt.toISOString() };
}

/**
 * An inbox entry; `url` is where to act on it: the queue for moderators' entries, the document
 * for replies, mentions and activity. In an anonymous-to-peers group, peers are not named.
 */
export function presentNotification(row: NotificationRow, viewer: Viewer, origin: string) {
  const a = row.annotation;
  const queue = row.kind === "flag" || row.kind === "pending";
  const url = queue
    ? `${origin}/groups/${row.group.id}/moderation?filter=${row.kind === "flag" ? "flagged" : "pending"}${a ? `#item-${a.id}` : ""}`
    : a
      ? `${origin}/documents/${a.documentId}#annotation-${a.id}`
      : `${origin}/groups/${row.group.id}`;
  const actor = row.actor ? (canSeeAuthorOf(viewer, { authorId: row.actor.id }) ? { id: row.actor.id, name: row.actor.name } : { id: null, name: ANONYMOUS_NAME }) : null;
  return {
    id: row.id,
    kind: row.kind,
    at: row.createdAt.toISOString(),
    readAt: row.readAt?.toISOString() ?? null,
    group: { id: row.group.id, name: row.group.name },
    actor,
    annotation: a
      ? { id: a.id, documentId: a.documentId, documentTitle: a.document.title, status: a.status, isReply: a.parentId !== null, excerpt: excerpt(a.body || a.quoteExact, 140), quote: excerpt(a.quoteExact, 100) || null }
      : null,
    url,
  };
}

export type PresentedQueueItem = ReturnType<typeof presentQueueItem>;
export type PresentedLogEntry = ReturnType<typeof presentLogEntry>;
export type PresentedNote = ReturnType<typeof presentModeratorNote>;
export type PresentedNotification = ReturnType<typeof presentNotification>;

/** A queue entry for the queue page: plain fields the cards and keyboard actions need. */
export function presentQueueCard(row: QueueRow, notes: ModeratorNoteRow[], authorMuted: boolean) {
  return {
    id: row.id,
    status: row.status,
    body: row.body,
    format: row.bodyFormat === "text/plain" ? ("text/plain" as const) : ("text/markdown" as const),
    tags: row.tags,
    createdAt: row.createdAt.toISOString(),
    author: { id: row.author.id, name: row.author.name, muted: authorMuted },
    document: { id: row.document.id, title: row.document.title },
    quote: row.quoteExact ?? row.thread?.quoteExact ?? null,
    orphaned: row.orphaned,
    inReplyTo: row.parent ? { author: row.parent.author.name, excerpt: excerpt(row.parent.body, 120) } : null,
    threadLocked: row.thread ? row.thread.locked : row.locked,
    flags: row.flags.map(({ id: _id, ...f }) => presentFlag(f)),
    flagCount: row.flags.length,
    notes: notes.map(presentModeratorNote),
  };
}

export type QueueCard = ReturnType<typeof presentQueueCard>;
