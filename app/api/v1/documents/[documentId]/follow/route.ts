import followDocument, { isFollowing } from "@/lib/commands/follow-document";
import { route } from "@/lib/http/route";
import { loadDocumentForViewer } from "@/lib/queries/document-access";

// GET /api/v1/documents/{documentId}/follow — whether I follow the document
export const GET = route<{ documentId: string }>(async ({ actor, params }) => {
  const { document } = await loadDocumentForViewer(params.documentId, actor.id);
  return Response.json({ following: await isFollowing(actor.id, document.id) });
});

// PUT /api/v1/documents/{documentId}/follow — notify me of new threads on it
export const PUT = route<{ documentId: string }>(async ({ actor, params }) => Response.json(await followDocument({ actorId: actor.id, documentId: params.documentId, follow: true })));

// DELETE /api/v1/documents/{documentId}/follow — stop notifying me
export const DELETE = route<{ documentId: string }>(async ({ actor, params }) => Response.json(await followDocument({ actorId: actor.id, documentId: params.documentId, follow: false })));
