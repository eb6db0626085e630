import toggleReaction from "@/lib/commands/toggle-reaction";
import { route } from "@/lib/http/route";

type Params = { annotationId: string; kind: string };

// PUT /api/v1/annotations/{annotationId}/reactions/{kind} — add my "helpful" or "question" (idempotent) → counts.
export const PUT = route<Params>(async ({ actor, params }) => {
  return Response.json(await toggleReaction({ actorId: actor.id, annotationId: params.annotationId, kind: params.kind, on: true }));
});

// DELETE /api/v1/annotations/{annotationId}/reactions/{kind} — take my reaction back (idempotent) → counts.
export const DELETE = route<Params>(async ({ actor, params }) => {
  return Response.json(await toggleReaction({ actorId: actor.id, annotationId: params.annotationId, kind: params.kind, on: false }));
});
