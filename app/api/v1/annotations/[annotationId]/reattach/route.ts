import reattachAnnotation from "@/lib/commands/reattach-annotation";
import { readJson } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { ANNO_MEDIA_TYPE, presentAnnotation } from "@/lib/presenters/annotation";

// POST /api/v1/annotations/{annotationId}/reattach — tie an orphaned annotation to the text again: {method: "quote"} or {method: "selection", exact, prefix?, suffix?, start, end} (its author or a moderator) → the annotation.
export const POST = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => {
  const { annotation, viewer } = await reattachAnnotation({ actorId: actor.id, annotationId: params.annotationId, input: await readJson(request) });
  return Response.json(presentAnnotation(annotation, origin, viewer), { headers: { "Content-Type": ANNO_MEDIA_TYPE } });
});
