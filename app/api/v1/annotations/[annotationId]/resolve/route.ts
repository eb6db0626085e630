import resolveThread from "@/lib/commands/resolve-thread";
import { route } from "@/lib/http/route";
import { presentAnnotation } from "@/lib/presenters/annotation";

type Params = { annotationId: string };

// POST /api/v1/annotations/{annotationId}/resolve — mark the thread resolved (its author or a moderator) → the annotation.
export const POST = route<Params>(async ({ actor, params, origin }) => {
  const { annotation, viewer } = await resolveThread({ actorId: actor.id, annotationId: params.annotationId, resolved: true });
  return Response.json(presentAnnotation(annotation, origin, viewer));
});

// DELETE /api/v1/annotations/{annotationId}/resolve — open the thread again → the annotation.
export const DELETE = route<Params>(async ({ actor, params, origin }) => {
  const { annotation, viewer } = await resolveThread({ actorId: actor.id, annotationId: params.annotationId, resolved: false });
  return Response.json(presentAnnotation(annotation, origin, viewer));
});
