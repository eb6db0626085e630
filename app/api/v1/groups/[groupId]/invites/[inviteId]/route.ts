import revokeInvite from "@/lib/commands/revoke-invite";
import { route } from "@/lib/http/route";
import { presentInvite } from "@/lib/presenters/invite";
import { loadGroupInvite } from "@/lib/queries/invites";
import { loadGroupForActor } from "@/lib/queries/memberships";

type Params = { groupId: string; inviteId: string };

// GET /api/v1/groups/{groupId}/invites/{inviteId} — one invitation and its status (owners).
export const GET = route<Params>(async ({ actor, params }) => {
  const { viewer } = await loadGroupForActor(params.groupId, actor.id, "member.manage");
  const invite = await loadGroupInvite(viewer, params.inviteId);
  return Response.json(presentInvite(invite));
});

// DELETE /api/v1/groups/{groupId}/invites/{inviteId} — revoke: the link stops working at once (owners).
export const DELETE = route<Params>(async ({ actor, params }) => {
  await revokeInvite({ actorId: actor.id, ...params });
  return new Response(null, { status: 204 });
});
