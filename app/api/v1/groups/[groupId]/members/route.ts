import addMember from "@/lib/commands/add-member";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { authorize } from "@/lib/policies";
import { presentMembership } from "@/lib/presenters/membership";
import { findMembership, listMembers } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId}/members — the group's members (any member may see who is in the group).
export const GET = route<{ groupId: string }>(async ({ actor, params }) => {
  authorize(await findMembership(params.groupId, actor.id), "group.read");
  const members = await listMembers(params.groupId);
  return Response.json({ items: members.map(presentMembership) });
});

// POST /api/v1/groups/{groupId}/members — add an existing account by email with a role (owners).
export const POST = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const body = await readJsonObject(request);
  const membership = await addMember({ actorId: actor.id, groupId: params.groupId, input: body });
  return created(presentMembership(membership), `${origin}/api/v1/groups/${params.groupId}/members/${membership.userId}`);
});
