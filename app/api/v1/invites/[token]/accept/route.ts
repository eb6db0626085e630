import acceptInvite from "@/lib/commands/accept-invite";
import { created, route } from "@/lib/http/route";
import { presentMembership } from "@/lib/presenters/membership";

// POST /api/v1/invites/{token}/accept — join the group: 201 membership; 200 when already a member; 410 expired, revoked or used up.
export const POST = route<{ token: string }>(async ({ actor, params, origin }) => {
  const { membership, joined, groupId } = await acceptInvite({ actorId: actor.id, token: params.token });
  const body = presentMembership(membership);
  if (!joined) return Response.json(body);
  return created(body, `${origin}/api/v1/groups/${groupId}/members/${membership.userId}`);
});
