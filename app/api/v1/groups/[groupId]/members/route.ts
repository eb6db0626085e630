import addMember from "@/lib/commands/add-member";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { authorize } from "@/lib/policies";
import { seesMemberEmails } from "@/lib/policies/members";
import { presentMembership } from "@/lib/presenters/membership";
import { findMembership, listMembers } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId}/members — the group's members (any member; emails for moderators and owners).
export const GET = route<{ groupId: string }>(async ({ actor, params }) => {
  const membership = await findMembership(params.groupId, actor.id);
  authorize(membership, "group.read");
  const members = await listMembers(params.groupId);
  const withEmail = seesMemberEmails(membership);
  return Response.json({ items: members.map((m) => presentMembership(m, { withEmail: withEmail || m.userId === actor.id })) });
});

// POST /api/v1/groups/{groupId}/members — add an existing account by email with a role (owners).
export const POST = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const body = await readJsonObject(request);
  const membership = await addMember({ actorId: actor.id, groupId: params.groupId, input: body });
  return created(presentMembership(membership, { withEmail: true }), `${origin}/api/v1/groups/${params.groupId}/members/${membership.userId}`);
});
