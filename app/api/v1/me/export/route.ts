import exportAccount from "@/lib/exports/export-account";
import { route } from "@/lib/http/route";
import { accountExportQuery } from "@/lib/validation/account";
import { parseInput } from "@/lib/validation/parse";

// GET /api/v1/me/export?format=jsonld|markdown — download everything I wrote: annotations, replies and documents.
export const GET = route(async ({ actor, request, origin }) => {
  const { format } = parseInput(accountExportQuery, { format: new URL(request.url).searchParams.get("format") ?? undefined });
  const { body, contentType, disposition } = await exportAccount({ actorId: actor.id, origin, format });
  return new Response(body, { headers: { "content-type": contentType, "content-disposition": disposition, "cache-control": "no-store" } });
});
