import acceptInvitation from "@/lib/commands/accept-invitation";
import { created, route } from "@/lib/http/route";
import { presentMembership } from "@/lib/presenters/membership";

// POST /api/v1/me/invitations/{inviteId}/accept — join: 201 membership; 200 when already a member; 410 expired or withdrawn.
export const POST = route<{ inviteId: string }>(async ({ actor, params, origin }) => {
  const { membership, joined, groupId } = await acceptInvitation({ actorId: actor.id, inviteId: params.inviteId });
  const body = presentMembership(membership);
  if (!joined) return Response.json(body);
  return created(body, `${origin}/api/v1/groups/${groupId}/members/${membership.userId}`);
});
