/**
 * What the reader may do with a note, from the same pure policies the server enforces
 * (lib/policies/annotations.ts), so the margin offers only actions that will succeed.
 */
import { can } from "@/lib/policies";
import { canDeleteAnnotation, canEditAnnotation, canReplyTo, type AnnotationFacts, type Viewer } from "@/lib/policies/annotations";
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
