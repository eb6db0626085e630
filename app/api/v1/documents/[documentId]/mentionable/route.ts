import { route } from "@/lib/http/route";
import { loadDocumentForViewer } from "@/lib/queries/document-access";
import { mentionableMembers } from "@/lib/queries/mentionable";
import { parseInput } from "@/lib/validation/parse";
import { mentionableQuery } from "@/lib/validation/schemas";

// GET /api/v1/documents/{documentId}/mentionable?q=ad — members to complete an @mention with
export const GET = route<{ documentId: string }>(async ({ actor, params, request }) => {
  const { viewer } = await loadDocumentForViewer(params.documentId, actor.id);
  const { q } = parseInput(mentionableQuery, { q: new URL(request.url).searchParams.get("q") ?? undefined });
  return Response.json({ items: await mentionableMembers({ viewer, query: q }) });
});
