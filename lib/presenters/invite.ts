import { inviteStatus, type InviteRow } from "../queries/invites";

/** Absolute link to an invitation; the secret exists only here and in the creator's hands. */
export const inviteUrl = (origin: string, token: string) => `${origin}/invite/${token}`;

/**
 * An invitation for the group's owners. `url` is present only in the answer that created it:
 * the secret is stored hashed, like API tokens, so it cannot be shown again.
 */
export function presentInvite(invite: InviteRow, extra: { url?: string; emailed?: boolean } = {}) {
  return {
    id: invite.id,
    ...(extra.url ? { url: extra.url } : {}),
    groupId: invite.groupId,
    role: invite.role,
    email: invite.email,
    ...(extra.emailed === undefined ? {} : { emailed: extra.emailed }),
    expiresAt: invite.expiresAt.toISOString(),
    maxUses: invite.maxUses,
    uses: invite.uses,
    status: inviteStatus(invite),
    revokedAt: invite.revokedAt?.toISOString() ?? null,
    createdAt: invite.createdAt.toISOString(),
    createdBy: { id: invite.createdBy.id, name: invite.createdBy.name },
  };
}

export type PresentedInvite = ReturnType<typeof presentInvite>;
