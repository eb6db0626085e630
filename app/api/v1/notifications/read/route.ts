import markNotificationsRead from "@/lib/commands/mark-notifications-read";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { countUnreadNotifications } from "@/lib/queries/notifications";

// POST /api/v1/notifications/read — mark inbox entries read: {ids} or {all: true}; answers what is left unread.
export const POST = route(async ({ actor, request }) => {
  const { marked } = await markNotificationsRead({ actorId: actor.id, input: await readJsonObject(request) });
  return Response.json({ marked, unreadCount: await countUnreadNotifications(actor.id) });
});
