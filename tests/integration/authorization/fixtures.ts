import createApiToken from "@/lib/commands/create-api-token";
import createInvite from "@/lib/commands/create-invite";
import flagAnnotation from "@/lib/commands/flag-annotation";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, createUser, tokenFor } from "../../factories";
import { annotate, seminar } from "../moderation/fixtures";
import type { Person, SignedIn } from "./matrix";

/**
 * The world every matrix entry runs in, made once per test file: the seminar group with a
 * person of each role, a third member who writes the annotations others act on, a viewer who
 * raises flags, a second group whose invitations anyone may accept (so accepting never changes
 * anyone's place in the seminar), and an account for anonymous callers to sign in as.
 */
export async function world(moderation: "post" | "pre" = "post") {
  const s = await seminar(moderation);
  const [author, flagger, stranger] = await Promise.all([createMember(s.group.id, "member"), createMember(s.group.id, "viewer"), createUser()]);
  const { group: openGroup, owner: openOwner } = await createGroup();
  const w = { ...s, author, flagger, stranger, openGroup, openOwner, strangerToken: await tokenFor(stranger.id) };
  const invite = await inviteTo(w, s.group.id, s.users.owner.id);
  return { ...w, invite };
}

export type World = Awaited<ReturnType<typeof world>>;

/** The Bearer token a person calls with; anonymous has none. */
export const tokenOf = (w: World, p: Person) => (p === "anonymous" ? undefined : w.tokens[p]);

/** The person's user id; anonymous has none. */
export const userOf = (w: World, p: Person) => (p === "anonymous" ? null : w.users[p as SignedIn]);

/** A fresh approved group annotation by the seminar's author (someone else, for every person). */
export const othersItem = (w: World, opts: { status?: "approved" | "pending" | "hidden" | "spam"; visibility?: "private" | "group" } = {}) => annotate(w, w.author, opts);

/** A fresh approved group annotation written by the person themself (by the author for anonymous). */
export const ownItem = (w: World, p: Person) => annotate(w, userOf(w, p) ?? w.author);

/**
 * A fresh orphaned annotation of `author`'s: its words were deleted, and the same words stand
 * once in the document's text, so finding its quote again succeeds.
 */
export async function orphanItem(w: World, author: { id: string }) {
  const item = await annotate(w, author);
  return db().annotation.update({ where: { id: item.id }, data: { anchorStart: Buffer.from([0]), anchorEnd: Buffer.from([0]), orphaned: true, positionStart: null, positionEnd: null } });
}

/** A flag raised by a third party on a fresh item. */
export async function othersFlag(w: World) {
  const item = await othersItem(w);
  const flag = await flagAnnotation({ actorId: w.flagger.id, annotationId: item.id, input: { reason: "spam" } });
  return { item, flag };
}

/** An invitation link to a group; its token is the last segment of the link. */
export async function inviteTo(w: Pick<World, "group">, groupId: string, ownerId: string) {
  const { invite, url } = await createInvite({ actorId: ownerId, groupId, input: { role: "viewer" }, origin: "http://marginalia.test" });
  return { id: invite.id, token: url.split("/").pop()! };
}

/** An invitation to the open group, which nobody of the seminar belongs to. */
export const openInvite = (w: World) => inviteTo(w, w.openGroup.id, w.openOwner.id);

/** A fresh member of the seminar for member-management calls to act on. */
export const freshMember = (w: World) => createMember(w.group.id, "member");

/** A fresh API token of the person's own (of the stranger for anonymous). */
export async function ownTokenId(w: World, p: Person) {
  return (await createApiToken({ userId: userOf(w, p)?.id ?? w.stranger.id, label: "matrix" })).id;
}

/** A fresh API token of the stranger's, which nobody else may touch. */
export async function strangersTokenId(w: World) {
  return (await createApiToken({ userId: w.stranger.id, label: "matrix" })).id;
}

/** A fresh document of the seminar, so a delete does not take the shared one with it. */
export const freshDocument = (w: World) => createDocumentIn(w.group.id, w.users.owner.id);
/** A fresh group in which everyone holds the role (and mute) they hold in the seminar, so a delete does not take the shared one with it. */
export async function freshSeminarGroup(w: World) {
  const { group } = await createGroup({ owner: w.users.owner });
  const memberships = await db().membership.findMany({ where: { groupId: w.group.id, userId: { not: w.users.owner.id } } });
  await db().membership.createMany({ data: memberships.map((m) => ({ groupId: group.id, userId: m.userId, role: m.role, muted: m.muted })) });
  return group;
}

/** An invitation to a fresh group addressed to the person's email (the stranger's for anonymous), as an owner's POST …/members makes. */
export async function invitationFor(w: World, p: Person) {
  const { group, owner } = await createGroup();
  const email = (userOf(w, p) ?? w.stranger).email;
  const { invite } = await createInvite({ actorId: owner.id, groupId: group.id, input: { role: "viewer", email }, origin: "http://marginalia.test" });
  return invite.id;
}

/** An invitation addressed to the stranger, whom no person of the matrix is. */
export async function strangersInvitation(w: World) {
  const { group, owner } = await createGroup();
  const { invite } = await createInvite({ actorId: owner.id, groupId: group.id, input: { role: "viewer", email: w.stranger.email }, origin: "http://marginalia.test" });
  return invite.id;
}
