import { db } from "@/lib/db";
import type { Role } from "@/lib/policies";
import { createDocumentIn, createGroup, createMember, createUser } from "../factories";

export const STATUSES = ["approved", "pending", "hidden", "spam"] as const;
export const VISIBILITIES = ["private", "group"] as const;
export const ROLES: Role[] = ["viewer", "member", "editor", "moderator"];

/**
 * The cast of the visibility tests: a group with a member of every role, a muted member and an
 * outsider; an open document and a hide-until-posted ("veiled") one. `authors` write the threads.
 */
export async function visibilityGroup() {
  const { group, owner } = await createGroup();
  const members = Object.fromEntries(await Promise.all(ROLES.map(async (r) => [r, await createMember(group.id, r)] as const)));
  const muted = await createMember(group.id, "member", { muted: true });
  const outsider = await createUser();
  const open = await createDocumentIn(group.id, owner.id);
  const veiled = await createDocumentIn(group.id, owner.id);
  await db().document.update({ where: { id: veiled.id }, data: { hideUntilPosted: true } });
  return { group, owner, members, muted, outsider, open, veiled, authors: [members.member, muted, members.moderator] };
}

/** A thread on the document for every author × visibility × status × deleted or not; returns them in that order. */
export async function threadsOfEveryKind(base: { documentId: string; groupId: string; body: string }, authors: { id: string }[]) {
  const roots = [];
  for (const author of authors)
    for (const visibility of VISIBILITIES)
      for (const status of STATUSES)
        for (const deleted of [false, true])
          roots.push(await db().annotation.create({ data: { ...base, quoteExact: "First", positionStart: 0, positionEnd: 5, authorId: author.id, visibility, status, deletedAt: deleted ? new Date() : null } }));
  return roots;
}
