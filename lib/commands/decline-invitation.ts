import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { findInvitationFor } from "../queries/invites";
import { parseInput } from "../validation/parse";
import { id } from "../validation/schemas";

/**
 * Says no to an invitation addressed to the actor's email: it is withdrawn (its owners see it
 * as revoked) and leaves the inbox. Declining twice changes nothing; anyone else's is a 404.
 */
export default async function declineInvitation(opts: { actorId: string; inviteId: unknown }) {
  const inviteId = parseInput(id, opts.inviteId);
  const actor = await db().user.findUniqueOrThrow({ where: { id: opts.actorId }, select: { email: true } });
  const invite = await findInvitationFor(actor, inviteId);
  if (!invite) throw new NotFoundError("Invitation");
  await db().invite.updateMany({ where: { id: invite.id, revokedAt: null }, data: { revokedAt: new Date() } });
}
