import createInvite from "@/lib/commands/create-invite";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { presentInvite } from "@/lib/presenters/invite";
import { listInvites } from "@/lib/queries/invites";
import { loadGroupForActor } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId}/invites — the group's invitations with their status (owners; links are not shown again).
export const GET = route<{ groupId: string }>(async ({ actor, params }) => {
  const { viewer } = await loadGroupForActor(params.groupId, actor.id, "member.manage");
  const invites = await listInvites(viewer);
  return Response.json({ items: invites.map((invite) => presentInvite(invite)) });
});

// POST /api/v1/groups/{groupId}/invites — make an invitation link {role, expiresInDays?, maxUses?, email?} (owners).
export const POST = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const body = await readJsonObject(request);
  const { invite, url, emailed } = await createInvite({ actorId: actor.id, groupId: params.groupId, input: body, origin });
  return created(presentInvite(invite, { url, emailed }), `${origin}/api/v1/groups/${params.groupId}/invites/${invite.id}`);
});
