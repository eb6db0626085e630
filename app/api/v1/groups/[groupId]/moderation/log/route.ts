import { route } from "@/lib/http/route";
import { presentLogEntry } from "@/lib/presenters/moderation";
import { groupViewer, listModerationLog } from "@/lib/queries/moderation";
import { parseInput } from "@/lib/validation/parse";
import { logQuery } from "@/lib/validation/moderation";

// GET /api/v1/groups/{groupId}/moderation/log?cursor= — every moderation action, newest first, paged (moderators). Read-only: the log is append-only.
export const GET = route<{ groupId: string }>(async ({ actor, params, request }) => {
  const viewer = await groupViewer(params.groupId, actor.id, "moderation.read");
  const query = parseInput(logQuery, Object.fromEntries(request.nextUrl.searchParams));
  const page = await listModerationLog({ viewer, ...query });
  return Response.json({ items: page.items.map((row) => presentLogEntry(row, viewer)), nextCursor: page.nextCursor });
});
