import deleteDocument from "@/lib/commands/delete-document";
import updateDocument from "@/lib/commands/update-document";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentDocument } from "@/lib/presenters/document";
import { loadDocumentForActor } from "@/lib/queries/documents";

// GET /api/v1/documents/{documentId} — document metadata (404 unless the caller may read it).
export const GET = route<{ documentId: string }>(async ({ actor, params, origin }) => {
  const { document, membership } = await loadDocumentForActor(params.documentId, actor.id);
  return Response.json(presentDocument(document, origin, membership));
});

// PATCH /api/v1/documents/{documentId} — rename (editors) or change seminar settings (moderators).
export const PATCH = route<{ documentId: string }>(async ({ actor, params, origin, request }) => {
  const { document, membership } = await updateDocument({ actorId: actor.id, documentId: params.documentId, changes: await readJsonObject(request) });
  return Response.json(presentDocument(document, origin, membership));
});

// DELETE /api/v1/documents/{documentId} — delete the document with its annotations and discussion (owners).
export const DELETE = route<{ documentId: string }>(async ({ actor, params }) => {
  await deleteDocument({ actorId: actor.id, documentId: params.documentId });
  return new Response(null, { status: 204 });
});
