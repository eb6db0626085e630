import createAnnotation from "@/lib/commands/create-annotation";
import { route } from "@/lib/http/route";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { consumeAnnotationWrite } from "@/lib/security/annotation-rate-limit";
import { annotationRepresentation } from "@/lib/w3c/annotation-resource";
import { parseContainerQuery } from "@/lib/w3c/collection";
import { readContainer } from "@/lib/w3c/container-resource";
import { annotationHeaders, containerHeaders, optionsHeaders } from "@/lib/w3c/headers";
import { parsePrefer } from "@/lib/w3c/prefer";
import { provenanceOf } from "@/lib/w3c/provenance";
import { readAnnotationBody, responseType } from "@/lib/w3c/request";
import { representation } from "@/lib/w3c/responses";

type Params = { documentId: string };

// GET /api/annotations/{documentId}/ — the document's annotation container (Prefer, ?iris=1, ?page=N).
export const GET = route<Params>(async ({ request, params, actor, origin }) => {
  const contentType = responseType(request);
  const prefer = parsePrefer(request.headers.get("prefer"));
  const query = parseContainerQuery(request.nextUrl.searchParams);
  const result = await readContainer({ documentId: params.documentId, actorId: actor.id, origin, query, prefer });
  const preferenceApplied = prefer.representation && !result.page;
  return representation(request, result.json, containerHeaders({ contentType, etag: result.etag, contentLocation: result.contentLocation, page: result.page, preferenceApplied }));
});

// HEAD /api/annotations/{documentId}/ — the container's headers (ETag, Link, Allow) without the body.
export const HEAD = GET;

// OPTIONS /api/annotations/{documentId}/ — what the container supports (404 like GET for outsiders).
export const OPTIONS = route<Params>(async ({ params, actor }) => {
  await loadDocumentForViewer(params.documentId, actor.id);
  return new Response(null, { status: 204, headers: optionsHeaders("container") });
});

// POST /api/annotations/{documentId}/ — create an annotation or a reply; 201 with Location and the annotation.
export const POST = route<Params>(async ({ request, params, actor, origin }) => {
  await consumeAnnotationWrite(actor.id);
  const contentType = responseType(request);
  const raw = await readAnnotationBody(request);
  const { annotation, viewer } = await createAnnotation({ actorId: actor.id, documentId: params.documentId, input: raw, provenance: provenanceOf(raw) });
  const created = annotationRepresentation(annotation, origin, viewer);
  const headers = annotationHeaders({ contentType, etag: created.etag, contentLocation: created.iri });
  headers.set("Location", created.iri);
  return representation(request, created.body, headers, 201);
});
