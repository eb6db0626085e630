import "server-only";
import { db } from "../db";
import type { Role } from "../policies";
import { AppError, NotFoundError } from "../errors";
import { findMembership } from "../queries/memberships";
import { findInviteByToken, inviteStatus, type InviteStatus } from "../queries/invites";
import { parseInput } from "../validation/parse";
import { inviteToken } from "../validation/invites";

const GONE_MESSAGES: Record<Exclude<InviteStatus, "active">, string> = {
  revoked: "This invitation was withdrawn; ask the group's owner for a new link",
  expired: "This invitation has expired; ask the group's owner for a new link",
  used_up: "This invitation has been used as many times as it allows; ask the group's owner for a new link",
};

/** The link exists but no longer lets anyone in: 410, with the reason as the code. */
export class InviteUnusableError extends AppError {
  constructor(readonly reason: Exclude<InviteStatus, "active">) {
    super(410, `invite_${reason}`, GONE_MESSAGES[reason]);
  }
}

const include = { user: { select: { id: true, name: true, email: true } } } as const;

/**
 * Joins the invitation's group with its role. Someone already in the group stays as they are
 * (`joined: false`) and uses nothing up. The use is counted and the membership made in one
 * transaction, guarded so concurrent joins can never exceed `maxUses`.
 */
export default async function acceptInvite(opts: { actorId: string; token: unknown }) {
  const token = parseInput(inviteToken, opts.token);
  const invite = await findInviteByToken(token);
  if (!invite) throw new NotFoundError("Invitation");
  return joinThroughInvite(invite, opts.actorId);
}

type UsableInvite = { id: string; groupId: string; role: Role; revokedAt: Date | null; expiresAt: Date; maxUses: number | null; uses: number };

/** The join itself, shared by the link (acceptInvite) and the inbox (acceptInvitation). */
export async function joinThroughInvite(invite: UsableInvite, actorId: string) {
  const existing = async () => {
    const current = await findMembership(invite.groupId, actorId);
    return current ? db().membership.findUniqueOrThrow({ where: { id: current.id }, include }) : null;
  };
  const already = await existing();
  if (already) return { membership: already, joined: false, groupId: invite.groupId };
  const status = inviteStatus(invite);
  if (status !== "active") throw new InviteUnusableError(status);
  try {
    const membership = await db().$transaction(async (tx) => {
      const now = new Date();
      const { count } = await tx.invite.updateMany({
        where: { id: invite.id, revokedAt: null, expiresAt: { gt: now }, OR: [{ maxUses: null }, { uses: { lt: tx.invite.fields.maxUses } }] },
        data: { uses: { increment: 1 } },
      });
      if (count === 0) {
        const reason = inviteStatus(await tx.invite.findUniqueOrThrow({ where: { id: invite.id } }), now);
        throw new InviteUnusableError(reason === "active" ? "used_up" : reason);
      }
      return tx.membership.create({ data: { groupId: invite.groupId, userId: actorId, role: invite.role }, include });
    });
    return { membership, joined: true, groupId: invite.groupId };
  } catch (error) {
    // Joined through another tab at the same moment: the unique membership key rolled this one back.
    if ((error as { code?: string }).code === "P2002") {
      const raced = await existing();
      if (raced) return { membership: raced, joined: false, groupId: invite.groupId };
    }
    throw error;
  }
}
