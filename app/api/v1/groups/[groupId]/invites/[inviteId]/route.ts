import revokeInvite from "@/lib/commands/revoke-invite";
import { NotFoundError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { authorize } from "@/lib/policies";
import { presentInvite } from "@/lib/presenters/invite";
import { findGroupInvite } from "@/lib/queries/invites";
import { loadGroupForActor } from "@/lib/queries/memberships";

type Params = { groupId: string; inviteId: string };

// GET /api/v1/groups/{groupId}/invites/{inviteId} — one invitation and its status (owners).
export const GET = route<Params>(async ({ actor, params }) => {
  const { membership } = await loadGroupForActor(params.groupId, actor.id);
  authorize(membership, "member.manage");
  const invite = await findGroupInvite(params.groupId, params.inviteId);
  if (!invite) throw new NotFoundError("Invitation");
  return Response.json(presentInvite(invite));
});

// DELETE /api/v1/groups/{groupId}/invites/{inviteId} — revoke: the link stops working at once (owners).
export const DELETE = route<Params>(async ({ actor, params }) => {
  await revokeInvite({ actorId: actor.id, ...params });
  return new Response(null, { status: 204 });
});
