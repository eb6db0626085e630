import { db } from "../db";
import { NotFoundError } from "../errors";
import { authorize } from "../policies";
import { findGroupInvite } from "../queries/invites";
import { loadGroupForActor } from "../queries/memberships";

/** Revokes an invitation (owners); the link stops working at once. Revoking twice is harmless. */
export default async function revokeInvite(opts: { actorId: string; groupId: string; inviteId: string }) {
  const { membership } = await loadGroupForActor(opts.groupId, opts.actorId);
  authorize(membership, "member.manage");
  const invite = await findGroupInvite(opts.groupId, opts.inviteId);
  if (!invite) throw new NotFoundError("Invitation");
  if (invite.revokedAt) return invite;
  return db().invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() }, include: { createdBy: { select: { id: true, name: true } } } });
}
