import moderateAnnotation from "@/lib/commands/moderate-annotation";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { ANNO_MEDIA_TYPE, presentAnnotation } from "@/lib/presenters/annotation";

// PATCH /api/v1/annotations/{annotationId}/moderation — set the status (approved, pending, hidden, spam) with a note for the log (moderators).
export const PATCH = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => {
  const { annotation, viewer } = await moderateAnnotation({ actorId: actor.id, annotationId: params.annotationId, input: await readJsonObject(request) });
  return Response.json(presentAnnotation(annotation, origin, viewer), { headers: { "Content-Type": ANNO_MEDIA_TYPE } });
});
