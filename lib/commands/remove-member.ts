import "server-only";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { authorize, isLastOwner } from "../policies";
import { findMembership } from "../queries/memberships";

/**
 * Removes a member (owners), or lets members leave on their own; never the last owner. A
 * removal by someone else goes into the group's moderation log with the role they had.
 */
export default async function removeMember(opts: { actorId: string; groupId: string; userId: string }) {
  await db().$transaction(async (tx) => {
    const actor = await findMembership(opts.groupId, opts.actorId, tx);
    if (opts.userId === opts.actorId) authorize(actor, "group.read");
    else authorize(actor, "member.manage");
    const target = await findMembership(opts.groupId, opts.userId, tx);
    if (!target) throw new NotFoundError("Member");
    const owners = await tx.membership.count({ where: { groupId: opts.groupId, role: "owner" } });
    if (isLastOwner(target, owners)) throw new ConflictError("A group needs at least one owner; make someone else owner first", "last_owner");
    await tx.membership.delete({ where: { id: target.id } });
    if (opts.userId !== opts.actorId) {
      await tx.moderationLogEntry.create({ data: { groupId: opts.groupId, actorId: opts.actorId, action: "remove", subjectUserId: opts.userId, from: target.role } });
    }
  });
}
