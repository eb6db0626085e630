import "server-only";
import { db } from "../db";
import { loadGroupInvite } from "../queries/invites";
import { loadGroupForActor } from "../queries/memberships";

/** Revokes an invitation (owners); the link stops working at once. Revoking twice is harmless. */
export default async function revokeInvite(opts: { actorId: string; groupId: string; inviteId: string }) {
  const { viewer } = await loadGroupForActor(opts.groupId, opts.actorId, "member.manage");
  const invite = await loadGroupInvite(viewer, opts.inviteId);
  if (invite.revokedAt) return invite;
  return db().invite.update({ where: { id: invite.id }, data: { revokedAt: new Date() }, include: { createdBy: { select: { id: true, name: true } } } });
}
