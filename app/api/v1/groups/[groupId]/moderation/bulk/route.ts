import bulkModerate from "@/lib/commands/bulk-moderate";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentAnnotation } from "@/lib/presenters/annotation";

// POST /api/v1/groups/{groupId}/moderation/bulk — one status for many items at once, all or none (moderators).
export const POST = route<{ groupId: string }>(async ({ actor, params, request, origin }) => {
  const result = await bulkModerate({ actorId: actor.id, groupId: params.groupId, input: await readJsonObject(request) });
  return Response.json({
    items: result.annotations.map((row) => presentAnnotation(row, origin, result.viewer)),
    changed: result.changed,
  });
});
