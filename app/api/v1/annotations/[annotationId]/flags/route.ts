import flagAnnotation from "@/lib/commands/flag-annotation";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { presentFlag } from "@/lib/presenters/moderation";
import { listFlags } from "@/lib/queries/moderation";

// POST /api/v1/annotations/{annotationId}/flags — flag an item for the moderators, once per person (409 on a second).
export const POST = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => {
  const flag = await flagAnnotation({ actorId: actor.id, annotationId: params.annotationId, input: await readJsonObject(request) });
  return created(presentFlag(flag) as { id: string }, `${origin}/api/v1/annotations/${flag.annotationId}/flags/${flag.id}`);
});

// GET /api/v1/annotations/{annotationId}/flags — every flag on an item, open and dismissed, without flaggers (moderators).
export const GET = route<{ annotationId: string }>(async ({ actor, params }) => {
  const flags = await listFlags(params.annotationId, actor.id);
  return Response.json({ items: flags.map((f) => ({ ...presentFlag(f), resolved: f.resolvedAt !== null })) });
});
