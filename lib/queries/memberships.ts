import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";

/** The actor's membership in a group, or null; the input to every policy check. */
export function findMembership(groupId: string, userId: string | null | undefined, tx: Tx = db()) {
  if (!userId) return Promise.resolve(null);
  return tx.membership.findUnique({ where: { groupId_userId: { groupId, userId } } });
}

/** A group together with the actor's membership; outsiders and missing groups both get NotFound. */
export async function loadGroupForActor(groupId: string, actorId: string | null | undefined, tx: Tx = db()) {
  const membership = await findMembership(groupId, actorId, tx);
  if (!membership) throw new NotFoundError("Group");
  const group = await tx.group.findUnique({ where: { id: groupId } });
  if (!group) throw new NotFoundError("Group");
  return { group, membership };
}

/** Groups the user belongs to, newest activity first, with counts for the groups page. */
export function listGroupsForUser(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { group: { updatedAt: "desc" } },
    include: { group: { include: { _count: { select: { documents: true, memberships: true } } } } },
  });
}

/** Members of a group with their user, owners first. */
export function listMembers(groupId: string) {
  return db().membership.findMany({
    where: { groupId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
  });
}
