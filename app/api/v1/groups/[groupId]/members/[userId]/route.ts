import removeMember from "@/lib/commands/remove-member";
import updateMember from "@/lib/commands/update-member";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentMembership } from "@/lib/presenters/membership";

// PATCH /api/v1/groups/{groupId}/members/{userId} — change role (owners) or muted (moderators).
export const PATCH = route<{ groupId: string; userId: string }>(async ({ actor, params, request }) => {
  const body = await readJsonObject(request);
  const membership = await updateMember({ actorId: actor.id, groupId: params.groupId, userId: params.userId, role: body.role, muted: body.muted });
  return Response.json(presentMembership(membership));
});

// DELETE /api/v1/groups/{groupId}/members/{userId} — remove a member (owners), or leave the group yourself.
export const DELETE = route<{ groupId: string; userId: string }>(async ({ actor, params }) => {
  await removeMember({ actorId: actor.id, groupId: params.groupId, userId: params.userId });
  return new Response(null, { status: 204 });
});
