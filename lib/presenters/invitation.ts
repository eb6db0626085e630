import type { InvitationRow } from "../queries/invites";

/** An invitation as its addressee sees it: which group, what role, from whom, until when. */
export function presentInvitation(invite: InvitationRow) {
  return {
    id: invite.id,
    group: { id: invite.group.id, name: invite.group.name, description: invite.group.description },
    role: invite.role,
    invitedBy: { id: invite.createdBy.id, name: invite.createdBy.name },
    createdAt: invite.createdAt.toISOString(),
    expiresAt: invite.expiresAt.toISOString(),
  };
}

export type PresentedInvitation = ReturnType<typeof presentInvitation>;
