import exportAnnotations, { parseExportFormat } from "@/lib/exports/export-annotations";
import { route } from "@/lib/http/route";

// GET /api/v1/documents/{documentId}/annotations/export?format=jsonld|csv|markdown — download what the caller may see.
export const GET = route<{ documentId: string }>(async ({ request, params, actor, origin }) => {
  const format = parseExportFormat(request.nextUrl.searchParams.get("format"));
  const iri = `${origin}/api/v1/documents/${params.documentId}/annotations/export?format=${format}`;
  const file = await exportAnnotations({ documentId: params.documentId, actorId: actor.id, origin, format, iri });
  return new Response(file.body, {
    headers: {
      "Content-Type": file.contentType,
      "Content-Disposition": file.disposition,
      "Cache-Control": "private, no-store",
      Vary: "Authorization, Cookie",
    },
  });
});
