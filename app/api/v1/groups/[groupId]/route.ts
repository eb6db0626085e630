import deleteGroup from "@/lib/commands/delete-group";
import updateGroup from "@/lib/commands/update-group";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentGroup } from "@/lib/presenters/group";
import { loadGroupForActor } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId} — a group with the caller's role and abilities (404 for outsiders).
export const GET = route<{ groupId: string }>(async ({ actor, params }) => {
  const { group, membership } = await loadGroupForActor(params.groupId, actor.id, "group.read");
  return Response.json(presentGroup(group, membership));
});

// PATCH /api/v1/groups/{groupId} — rename, describe or switch moderation mode (owners).
export const PATCH = route<{ groupId: string }>(async ({ actor, params, request }) => {
  const { group, membership } = await updateGroup({ actorId: actor.id, groupId: params.groupId, changes: await readJsonObject(request) });
  return Response.json(presentGroup(group, membership));
});

// DELETE /api/v1/groups/{groupId} — delete the group with its documents, members and discussion (owners).
export const DELETE = route<{ groupId: string }>(async ({ actor, params }) => {
  await deleteGroup({ actorId: actor.id, groupId: params.groupId });
  return new Response(null, { status: 204 });
});
