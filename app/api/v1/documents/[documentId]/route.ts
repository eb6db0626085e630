import { route } from "@/lib/http/route";
import { presentDocument } from "@/lib/presenters/document";
import { loadDocumentForActor } from "@/lib/queries/documents";

// GET /api/v1/documents/{documentId} — document metadata (404 unless the caller may read it).
export const GET = route<{ documentId: string }>(async ({ actor, params, origin }) => {
  const { document, membership } = await loadDocumentForActor(params.documentId, actor.id);
  return Response.json(presentDocument(document, origin, membership));
});
