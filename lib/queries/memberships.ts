import "server-only";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { authorize, can, type RoleAction } from "../policies";
import { viewerFor, type GroupViewer } from "../policies/viewer";

/** The actor's membership in a group, or null; the input to every policy check. */
export function findMembership(groupId: string, userId: string | null | undefined, tx: Tx = db()) {
  if (!userId) return Promise.resolve(null);
  return tx.membership.findUnique({ where: { groupId_userId: { groupId, userId } } });
}

/**
 * A group with the actor's membership and viewer, after checking they hold `action`: outsiders
 * and missing groups get the same 404, members without the right 403.
 */
export async function loadGroupForActor(groupId: string, actorId: string | null | undefined, action: RoleAction = "group.read", tx: Tx = db()) {
  const found = actorId ? await tx.membership.findUnique({ where: { groupId_userId: { groupId, userId: actorId } }, include: { group: true } }) : null;
  if (!found) throw new NotFoundError("Group");
  const { group, ...membership } = found;
  authorize(membership, action);
  return { group, membership, viewer: viewerFor({ userId: membership.userId, groupId, membership, group }) };
}

/** Groups the user belongs to, newest activity first, with counts for the groups page. */
export function listGroupsForUser(userId: string) {
  return db().membership.findMany({
    where: { userId },
    orderBy: { group: { updatedAt: "desc" } },
    include: { group: { include: { _count: { select: { documents: true, memberships: true } } } } },
  });
}

/**
 * The viewer's group's members with their user, owners first. Email addresses only where the
 * viewer holds member.emails, and their own; absent otherwise.
 */
export async function listMembers(viewer: GroupViewer) {
  authorize(viewer.membership, "group.read");
  const rows = await db().membership.findMany({
    where: { groupId: viewer.groupId },
    include: { user: { select: { id: true, name: true, email: true } } },
    orderBy: [{ role: "desc" }, { createdAt: "asc" }],
  });
  const seesEmails = can(viewer, "member.emails");
  return rows.map(({ user, ...m }) => ({ ...m, user: { id: user.id, name: user.name, email: seesEmails || user.id === viewer.userId ? user.email : undefined } }));
}
