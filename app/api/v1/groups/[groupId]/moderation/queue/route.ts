import { route } from "@/lib/http/route";
import { abilities } from "@/lib/policies";
import { presentQueueItem } from "@/lib/presenters/moderation";
import { groupViewer, listQueue, queueCounts } from "@/lib/queries/moderation";
import { parseInput } from "@/lib/validation/parse";
import { queueQuery } from "@/lib/validation/moderation";

// GET /api/v1/groups/{groupId}/moderation/queue?filter=pending|flagged|hidden|spam — items awaiting or past a decision, with counts (moderators).
export const GET = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const viewer = await groupViewer(params.groupId, actor.id, "moderation.read");
  const query = parseInput(queueQuery, Object.fromEntries(request.nextUrl.searchParams));
  const [page, counts] = await Promise.all([listQueue({ viewer, ...query }), queueCounts(viewer)]);
  return Response.json({
    filter: query.filter ?? null,
    items: page.items.map((row) => presentQueueItem(row, origin, viewer)),
    counts,
    nextCursor: page.nextCursor,
    abilities: abilities(viewer.membership),
  });
});
