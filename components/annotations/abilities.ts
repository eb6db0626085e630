/**
 * What the reader may do with a note, asked of the same policy table the server enforces
 * (lib/policies), so the margin offers only actions that will succeed.
 */
import { can } from "@/lib/policies";
import type { AnnotationFacts, Viewer } from "@/lib/policies/annotations";
import type { Note } from "./model";

function itemFacts(note: Note): Omit<AnnotationFacts, "thread"> {
  return { authorId: note.author.id, visibility: note.visibility, status: note.status, locked: note.locked };
}

/** A note's policy facts; a reply carries its thread's first note. */
export function factsOf(note: Note, root: Note | null): AnnotationFacts {
  return { ...itemFacts(note), thread: root && root.id !== note.id ? itemFacts(root) : null };
}

export type NoteAbilities = { edit: boolean; delete: boolean };

export function noteAbilities(viewer: Viewer, note: Note, root: Note | null): NoteAbilities {
  const facts = factsOf(note, root);
  return { edit: can(viewer, "annotation.edit", facts), delete: can(viewer, "annotation.delete", facts) };
}

export function canReplyToThread(viewer: Viewer, root: Note): boolean {
  return can(viewer, "annotation.reply", factsOf(root, null));
}

/** Whether the reader may start annotations at all (members and up, unless muted). */
export function canAnnotate(viewer: Viewer): boolean {
  return can(viewer, "annotation.create");
}

/** Reactions are posts: members and up, unless muted, on notes they can see. */
export function canReactTo(viewer: Viewer, note: Note, root: Note | null): boolean {
  return can(viewer, "annotation.react", factsOf(note, root));
}

/** Resolve / Reopen on a thread's first note. */
export function canResolve(viewer: Viewer, root: Note): boolean {
  return can(viewer, "annotation.resolve", { ...factsOf(root, null), threadId: null });
}

/** Flag a note (anyone who can see it, except its author). */
export function canFlag(viewer: Viewer, note: Note, root: Note | null = null): boolean {
  return can(viewer, "annotation.flag", factsOf(note, root));
}

/** Approve, hide, mark spam; lock threads. */
export function canModerate(viewer: Viewer): boolean {
  return can(viewer, "annotation.moderate");
}

export function canLock(viewer: Viewer): boolean {
  return can(viewer, "thread.lock");
}

/** "Find the quote again" / "Attach to my selection" on an orphan. */
export function canReattach(viewer: Viewer, root: Note): boolean {
  return can(viewer, "annotation.reattach", factsOf(root, null));
}
