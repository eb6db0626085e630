import { holdsRole } from "./actions";
import type { MembershipLike } from "./roles";

/** Who is looking: a user and their membership in the annotation's group (null for outsiders). */
export type Viewer = {
  userId: string | null;
  membership: MembershipLike;
  /** Hide-and-reveal: the document hides others' annotations until this viewer posts one. */
  hiddenUntilPosted?: boolean;
  /** Anonymous to peers: others' names and ids are withheld from this viewer. */
  anonymousPeers?: boolean;
};

/** What the annotation policies read off an annotation; replies carry their thread's root too. */
export type AnnotationFacts = {
  authorId: string;
  visibility: "private" | "group";
  status: "approved" | "pending" | "hidden" | "spam";
  locked?: boolean;
  deletedAt?: Date | null;
  /** The thread's top-level annotation, for a reply; a reply is never visible without it. */
  thread?: Omit<AnnotationFacts, "thread"> | null;
};

function isAuthor(viewer: Viewer, annotation: { authorId: string }) {
  return viewer.userId !== null && viewer.userId === annotation.authorId;
}

/** A moderator of the group sees every status except other people's private notes. */
export function isGroupModerator(viewer: Viewer) {
  return holdsRole(viewer.membership, "annotation.moderate");
}

function isItemVisibleTo(viewer: Viewer, annotation: Omit<AnnotationFacts, "thread">) {
  if (annotation.deletedAt) return false;
  if (!holdsRole(viewer.membership, "document.read")) return false;
  if (isAuthor(viewer, annotation)) return true;
  if (viewer.hiddenUntilPosted) return false;
  if (annotation.visibility === "private") return false;
  return annotation.status === "approved" || isGroupModerator(viewer);
}

/**
 * Whether the viewer may see the annotation at all. Invisible means absent everywhere: GET
 * answers 404, and lists, counts, search, exports and live messages leave it out.
 */
export function isAnnotationVisibleTo(viewer: Viewer, annotation: AnnotationFacts): boolean {
  if (!isItemVisibleTo(viewer, annotation)) return false;
  return !annotation.thread || isItemVisibleTo(viewer, annotation.thread);
}

/** Status a new or edited post gets: pre-moderated groups hold posts from below moderator. */
export function initialStatus(viewer: Viewer, moderation: "post" | "pre"): "approved" | "pending" {
  return moderation === "pre" && !isGroupModerator(viewer) ? "pending" : "approved";
}

/** Whether the viewer learns who wrote an annotation: always for their own and for moderators. */
export function canSeeAuthorOf(viewer: Viewer, annotation: { authorId: string }): boolean {
  return !viewer.anonymousPeers || isAuthor(viewer, annotation) || isGroupModerator(viewer);
}

/**
 * What counts as having posted, for hide-and-reveal: a live, group-visible, top-level note with
 * a body. A private note or a bare highlight reveals nothing (its SQL twin: countsAsPostingSql).
 */
export function countsAsPosting(annotation: { threadId: string | null; deletedAt?: Date | null; visibility: "private" | "group"; body: string }): boolean {
  return annotation.threadId === null && !annotation.deletedAt && annotation.visibility === "group" && /[^ \t\n\r]/.test(annotation.body);
}

/** Hide-and-reveal holds back others' annotations until the viewer has posted; moderators see all. */
export function isHiddenUntilPosted(viewer: Viewer, document: { hideUntilPosted: boolean }, hasPosted: boolean): boolean {
  return document.hideUntilPosted && !isGroupModerator(viewer) && !hasPosted;
}

/** Anonymous-to-peers groups withhold names from everyone below moderator. */
export function seesPeersAnonymously(viewer: Viewer, group: { anonymousToPeers: boolean }): boolean {
  return group.anonymousToPeers && !isGroupModerator(viewer);
}
