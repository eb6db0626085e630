/**
 * The annotations the reading page holds, as plain data: the W3C JSON the server presents
 * (lib/presenters/annotation.ts) reduced to what the margin needs, and threads built from it.
 * No React, no DOM: unit-tested on its own.
 */
import type { PresentedAnnotation } from "@/lib/presenters/annotation";

/** The presenter's JSON as it crosses the wire (server action result or live message). */
export type AnnotationJSON = Omit<PresentedAnnotation, "@context"> & { "@context"?: unknown };

export type Visibility = "private" | "group";
export type ModerationStatus = "approved" | "pending" | "hidden" | "spam";

export type ReactionKind = "helpful" | "question";
export type Reactions = Record<ReactionKind, number>;

export type Quote = { exact: string; prefix: string; suffix: string };

export type Note = {
  /** The last segment of the annotation's IRI. */
  id: string;
  iri: string;
  /** For a reply: the id of the annotation it answers. */
  parentId: string | null;
  motivation: string;
  author: { id: string; name: string };
  body: string;
  format: "text/markdown" | "text/plain";
  tags: string[];
  visibility: Visibility;
  status: ModerationStatus;
  orphaned: boolean;
  locked: boolean;
  resolved: boolean;
  /** How many readers found it helpful / have the same question, and which of those the viewer gave. */
  reactions: Reactions;
  myReactions: ReactionKind[];
  /** Open flags on it; only moderators are told (null for everyone else). */
  flagCount: number | null;
  quote: Quote | null;
  position: { start: number; end: number } | null;
  /** Base64 of the Yjs anchor bytes; null for replies. */
  anchor: { start: string; end: string } | null;
  created: string;
  modified: string;
};

/** A top-level annotation on the text with its replies, oldest first. */
export type Thread = { root: Note; replies: Note[] };

/** The last path segment of an IRI: annotation ids, user ids. */
export function lastSegment(iri: string): string {
  return iri.replace(/\/+$/, "").split("/").at(-1) ?? "";
}

type Body = { value?: unknown; purpose?: unknown; format?: unknown };

function bodiesOf(json: AnnotationJSON): Body[] {
  const body = (json as { body?: Body | Body[] }).body;
  return body === undefined ? [] : Array.isArray(body) ? body : [body];
}

/** A presented annotation as the margin keeps it. */
export function noteFromJSON(json: AnnotationJSON): Note {
  const bodies = bodiesOf(json);
  const note = bodies.find((b) => b.purpose !== "tagging");
  const tags = bodies.filter((b) => b.purpose === "tagging" && typeof b.value === "string").map((b) => b.value as string);
  const target = json.target as unknown;
  const selectors = typeof target === "object" && target !== null ? ((target as { selector?: unknown[] }).selector ?? []) : [];
  const quote = selectors.find((s) => (s as { type?: string }).type === "TextQuoteSelector") as (Quote & { type: string }) | undefined;
  const position = selectors.find((s) => (s as { type?: string }).type === "TextPositionSelector") as { start: number; end: number } | undefined;
  const anchor = (json as { anchor?: { start: string | null; end: string | null } }).anchor;
  // In a group anonymous to peers, others' notes come without a creator id.
  const creator = json.creator as { id?: string; name?: string };
  return {
    id: lastSegment(json.id),
    iri: json.id,
    parentId: typeof target === "string" ? lastSegment(target) : null,
    motivation: json.motivation,
    author: { id: creator.id ? lastSegment(creator.id) : "", name: creator.name || "Anonymous" },
    body: typeof note?.value === "string" ? note.value : "",
    format: note?.format === "text/plain" ? "text/plain" : "text/markdown",
    tags,
    visibility: json.visibility as Visibility,
    status: json.moderationStatus as ModerationStatus,
    orphaned: Boolean(json.orphaned),
    locked: Boolean(json.locked),
    resolved: Boolean(json.resolved),
    reactions: { helpful: Number(json.reactions?.helpful ?? 0), question: Number(json.reactions?.question ?? 0) },
    myReactions: Array.isArray(json.myReactions) ? json.myReactions.filter((k): k is ReactionKind => k === "helpful" || k === "question") : [],
    flagCount: typeof (json as { flagCount?: unknown }).flagCount === "number" ? (json as { flagCount: number }).flagCount : null,
    quote: quote ? { exact: quote.exact ?? "", prefix: quote.prefix ?? "", suffix: quote.suffix ?? "" } : null,
    position: position ? { start: position.start, end: position.end } : null,
    anchor: anchor?.start && anchor.end ? { start: anchor.start, end: anchor.end } : null,
    created: json.created,
    modified: json.modified,
  };
}

/** The thread root a note belongs to, following reply chains; null when a link is missing. */
function rootOf(notes: ReadonlyMap<string, Note>, note: Note): Note | null {
  let current: Note | undefined = note;
  for (let hops = 0; current && current.parentId !== null; hops++) {
    if (hops > 64) return null;
    current = notes.get(current.parentId);
  }
  return current ?? null;
}

/** The id of the thread a note belongs to (itself for a thread's first note); null when unknown. */
export function threadIdOf(notes: ReadonlyMap<string, Note>, id: string): string | null {
  const note = notes.get(id);
  return note ? (rootOf(notes, note)?.id ?? null) : null;
}

/** Threads of the visible notes, in creation order; replies whose thread is not visible are left out. */
export function buildThreads(notes: ReadonlyMap<string, Note>): Thread[] {
  const threads = new Map<string, Thread>();
  const byCreated = [...notes.values()].sort(compareCreated);
  for (const note of byCreated) if (note.parentId === null) threads.set(note.id, { root: note, replies: [] });
  for (const note of byCreated) {
    if (note.parentId === null) continue;
    const root = rootOf(notes, note);
    if (root) threads.get(root.id)?.replies.push(note);
  }
  return [...threads.values()];
}

function compareCreated(a: Note, b: Note): number {
  return a.created < b.created ? -1 : a.created > b.created ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Removes a note and every reply under it (deleting a thread's root deletes the thread). */
export function withoutNote(notes: ReadonlyMap<string, Note>, id: string): Map<string, Note> {
  const next = new Map(notes);
  next.delete(id);
  let removed = true;
  while (removed) {
    removed = false;
    for (const [key, note] of next) {
      if (note.parentId !== null && !next.has(note.parentId)) {
        next.delete(key);
        removed = true;
      }
    }
  }
  return next;
}

/** A note with a newer representation replaces an older one; stale messages are ignored. */
export function withNote(notes: ReadonlyMap<string, Note>, note: Note): Map<string, Note> {
  const current = notes.get(note.id);
  if (current && current.modified > note.modified) return notes as Map<string, Note>;
  const next = new Map(notes);
  next.set(note.id, note);
  return next;
}

/**
 * The server's first list, streamed in after the text: what the page already holds (the reader's
 * own first writes, live messages) is at least as new and stays.
 */
export function withFirstList(notes: ReadonlyMap<string, Note>, list: readonly Note[]): Map<string, Note> {
  const next = new Map(notes);
  for (const note of list) if (!next.has(note.id)) next.set(note.id, note);
  return next;
}

/** Every distinct author and tag among the notes, for the filter menu, sorted for reading. */
export function facets(threads: readonly Thread[]): { authors: { id: string; name: string }[]; tags: string[] } {
  const authors = new Map<string, string>();
  const tags = new Set<string>();
  for (const thread of threads) {
    for (const note of [thread.root, ...thread.replies]) {
      if (note.author.id) authors.set(note.author.id, note.author.name);
      for (const tag of note.tags) tags.add(tag);
    }
  }
  const collator = new Intl.Collator(undefined, { sensitivity: "base" });
  return {
    authors: [...authors].map(([id, name]) => ({ id, name })).sort((a, b) => collator.compare(a.name, b.name)),
    tags: [...tags].sort(collator.compare),
  };
}
