import { route } from "@/lib/http/route";
import { presentSearchResult } from "@/lib/presenters/search";
import { loadSearchScope, searchGroup } from "@/lib/queries/search";
import { parseInput } from "@/lib/validation/parse";
import { searchInput } from "@/lib/validation/search";

// GET /api/v1/groups/{groupId}/search?q=&author=&tag=&document=&cursor=&limit= — ranked full-text search over the annotations the caller may see.
export const GET = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const input = parseInput(searchInput, Object.fromEntries(request.nextUrl.searchParams));
  const { viewer } = await loadSearchScope(params.groupId, actor.id, input);
  const { rows, next } = await searchGroup(viewer, input);
  const nextUrl = new URL(`${origin}/api/v1/groups/${params.groupId}/search`);
  for (const [key, value] of request.nextUrl.searchParams) if (key !== "cursor") nextUrl.searchParams.set(key, value);
  if (next) nextUrl.searchParams.set("cursor", next);
  return Response.json({ items: rows.map((row) => presentSearchResult(row, origin, viewer)), next: next ? nextUrl.toString() : null, cursor: next });
});
