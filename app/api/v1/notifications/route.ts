import { route } from "@/lib/http/route";
import { presentNotification } from "@/lib/presenters/moderation";
import { countUnreadNotifications, listNotifications } from "@/lib/queries/notifications";
import { parseInput } from "@/lib/validation/parse";
import { notificationsQuery } from "@/lib/validation/moderation";

// GET /api/v1/notifications?unread=true&cursor= — the caller's inbox, newest first, with the unread count.
export const GET = route(async ({ actor, request, origin }) => {
  const query = parseInput(notificationsQuery, Object.fromEntries(request.nextUrl.searchParams));
  const [page, unreadCount] = await Promise.all([listNotifications({ userId: actor.id, ...query }), countUnreadNotifications(actor.id)]);
  return Response.json({ items: page.items.map(({ row, viewer }) => presentNotification(row, viewer, origin)), unreadCount, nextCursor: page.nextCursor });
});
