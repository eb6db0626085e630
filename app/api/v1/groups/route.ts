import createGroup from "@/lib/commands/create-group";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { presentGroup } from "@/lib/presenters/group";
import { listGroupsForUser } from "@/lib/queries/memberships";

// GET /api/v1/groups — the groups the caller belongs to.
export const GET = route(async ({ actor }) => {
  const memberships = await listGroupsForUser(actor.id);
  return Response.json({ items: memberships.map((m) => presentGroup(m.group, m)) });
});

// POST /api/v1/groups — create a group; the caller becomes its owner.
export const POST = route(async ({ actor, request, origin }) => {
  const body = await readJsonObject(request);
  const { group, membership } = await createGroup({ actorId: actor.id, input: body });
  return created(presentGroup(group, membership), `${origin}/api/v1/groups/${group.id}`);
});
