import deleteAnnotation from "@/lib/commands/delete-annotation";
import updateAnnotation from "@/lib/commands/update-annotation";
import { PreconditionFailedError } from "@/lib/errors";
import { route } from "@/lib/http/route";
import { consumeAnnotationWrite } from "@/lib/security/annotation-rate-limit";
import { annotationRepresentation, readAnnotation } from "@/lib/w3c/annotation-resource";
import { ifMatchFails } from "@/lib/w3c/conditional";
import { annotationHeaders, optionsHeaders, VARY } from "@/lib/w3c/headers";
import { readAnnotationBody, responseType } from "@/lib/w3c/request";
import { representation } from "@/lib/w3c/responses";

type Params = { documentId: string; annotationId: string };

// GET /api/annotations/{documentId}/{annotationId} — one annotation (304 on If-None-Match, 410 once deleted).
export const GET = route<Params>(async ({ request, params, actor, origin }) => {
  const contentType = responseType(request);
  const current = await readAnnotation({ ...params, actorId: actor.id, origin });
  return representation(request, current.body, annotationHeaders({ contentType, etag: current.etag, contentLocation: current.iri }));
});

// HEAD /api/annotations/{documentId}/{annotationId} — the annotation's headers without the body.
export const HEAD = GET;

// OPTIONS /api/annotations/{documentId}/{annotationId} — what the annotation supports (404/410 like GET).
export const OPTIONS = route<Params>(async ({ params, actor, origin }) => {
  await readAnnotation({ ...params, actorId: actor.id, origin });
  return new Response(null, { status: 204, headers: optionsHeaders("annotation") });
});

// PUT /api/annotations/{documentId}/{annotationId} — replace the annotation; If-Match with a stale ETag → 412.
export const PUT = route<Params>(async ({ request, params, actor, origin }) => {
  await consumeAnnotationWrite(actor.id);
  const contentType = responseType(request);
  const raw = await readAnnotationBody(request);
  const current = await readAnnotation({ ...params, actorId: actor.id, origin });
  if (ifMatchFails(request.headers.get("if-match"), current.etag)) throw new PreconditionFailedError();
  // The version read with the ETag makes the write conditional, so a change in between is a 412 too.
  const { annotation, viewer } = await updateAnnotation({ actorId: actor.id, ...params, input: raw, expectedVersion: current.row.version });
  const updated = annotationRepresentation(annotation, origin, viewer);
  return representation(request, updated.body, annotationHeaders({ contentType, etag: updated.etag, contentLocation: updated.iri }));
});

// DELETE /api/annotations/{documentId}/{annotationId} — delete it (and a thread's replies): 204, then 410.
export const DELETE = route<Params>(async ({ request, params, actor, origin }) => {
  const current = await readAnnotation({ ...params, actorId: actor.id, origin });
  if (ifMatchFails(request.headers.get("if-match"), current.etag)) throw new PreconditionFailedError();
  await deleteAnnotation({ actorId: actor.id, ...params, expectedVersion: current.row.version });
  return new Response(null, { status: 204, headers: { Vary: VARY } });
});
