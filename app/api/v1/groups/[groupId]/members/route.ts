import inviteMember from "@/lib/commands/invite-member";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentMembership } from "@/lib/presenters/membership";
import { listMembers, loadGroupForActor } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId}/members — the group's members (any member; emails for moderators and owners).
export const GET = route<{ groupId: string }>(async ({ actor, params }) => {
  const { viewer } = await loadGroupForActor(params.groupId, actor.id);
  return Response.json({ items: (await listMembers(viewer)).map(presentMembership) });
});

// POST /api/v1/groups/{groupId}/members — invite someone by email {email, role} (owners): 202 {invited: true}, account or not; they join by accepting.
export const POST = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const body = await readJsonObject(request);
  return Response.json(await inviteMember({ actorId: actor.id, groupId: params.groupId, input: body, origin }), { status: 202 });
});
