/**
 * What the reader may do with a note, from the same pure policies the server enforces
 * (lib/policies/annotations.ts), so the margin offers only actions that will succeed.
 */
import { can } from "@/lib/policies";
import {
  canDeleteAnnotation,
  canEditAnnotation,
  canReattachAnnotation,
  canReplyTo,
  canResolveThread,
  isAnnotationVisibleTo,
  isGroupModerator,
  type AnnotationFacts,
  type Viewer,
} from "@/lib/policies/annotations";
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
  return { edit: canEditAnnotation(viewer, facts), delete: canDeleteAnnotation(viewer, facts) };
}

export function canReplyToThread(viewer: Viewer, root: Note): boolean {
  return canReplyTo(viewer, factsOf(root, null));
}

/** Whether the reader may start annotations at all (members and up, unless muted). */
export function canAnnotate(viewer: Viewer): boolean {
  return can(viewer.membership, "annotation.create");
}

/** Reactions are posts: members and up, unless muted, on notes they can see. */
export function canReactTo(viewer: Viewer, note: Note, root: Note | null): boolean {
  return canAnnotate(viewer) && isAnnotationVisibleTo(viewer, factsOf(note, root));
}

/** Resolve / Reopen: the thread's author or a moderator. */
export function canResolve(viewer: Viewer, root: Note): boolean {
  return canResolveThread(viewer, { ...factsOf(root, null), threadId: null });
}

/** Anyone who can see a note may flag it, except its author (who edits or deletes instead). */
export function canFlag(viewer: Viewer, note: Note): boolean {
  return can(viewer.membership, "annotation.flag") && note.author.id !== viewer.userId;
}

/** Approve, hide, mark spam; lock threads. */
export function canModerate(viewer: Viewer): boolean {
  return isGroupModerator(viewer);
}

export function canLock(viewer: Viewer): boolean {
  return can(viewer.membership, "thread.lock");
}

/** "Find the quote again" / "Attach to my selection" on an orphan: its author, or a moderator. */
export function canReattach(viewer: Viewer, root: Note): boolean {
  return canReattachAnnotation(viewer, factsOf(root, null));
}
