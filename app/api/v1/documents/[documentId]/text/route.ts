import { route } from "@/lib/http/route";
import { loadDocumentForActor } from "@/lib/queries/documents";

// GET /api/v1/documents/{documentId}/text — the text projection that W3C selectors count over.
export const GET = route<{ documentId: string }>(async ({ actor, params }) => {
  const { document } = await loadDocumentForActor(params.documentId, actor.id);
  return new Response(document.text, {
    headers: {
      "Content-Type": "text/plain; charset=utf-8",
      "Last-Modified": document.updatedAt.toUTCString(),
      "Cache-Control": "private, no-cache",
    },
  });
});
