import { route } from "@/lib/http/route";
import { engagementCsv, groupDensity, groupEngagement } from "@/lib/queries/engagement";
import { loadGroupForActor } from "@/lib/queries/memberships";

// GET /api/v1/groups/{groupId}/engagement[?format=csv] — per-member activity and density (moderators)
export const GET = route<{ groupId: string }>(async ({ actor, params, request }) => {
  const { group, viewer } = await loadGroupForActor(params.groupId, actor.id, "moderation.read");
  const members = await groupEngagement(viewer);
  if (new URL(request.url).searchParams.get("format") === "csv") {
    return new Response(engagementCsv(members), {
      headers: { "Content-Type": "text/csv; charset=utf-8", "Content-Disposition": `attachment; filename="engagement-${group.id}.csv"` },
    });
  }
  const documents = await groupDensity(viewer);
  return Response.json({ members: members.map((m) => ({ ...m, lastActiveAt: m.lastActiveAt?.toISOString() ?? null })), documents });
});
