import "server-only";
import { db } from "../db";
import { NotFoundError } from "../errors";
import { findInvitationFor } from "../queries/invites";
import { parseInput } from "../validation/parse";
import { id } from "../validation/schemas";
import { joinThroughInvite } from "./accept-invite";

/**
 * Says yes to an invitation addressed to the actor's email, from their inbox: they join with its
 * role. Anyone else's invitation is as absent as a missing one (404).
 */
export default async function acceptInvitation(opts: { actorId: string; inviteId: unknown }) {
  const inviteId = parseInput(id, opts.inviteId);
  const actor = await db().user.findUniqueOrThrow({ where: { id: opts.actorId }, select: { email: true } });
  const invite = await findInvitationFor(actor, inviteId);
  if (!invite) throw new NotFoundError("Invitation");
  return joinThroughInvite(invite, opts.actorId);
}
