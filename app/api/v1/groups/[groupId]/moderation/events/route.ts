import { route } from "@/lib/http/route";
import { EVENT_STREAM_HEADERS, moderationEventStream } from "@/lib/moderation/queue-stream";
import { groupViewer } from "@/lib/queries/moderation";

export const dynamic = "force-dynamic";

// GET /api/v1/groups/{groupId}/moderation/events — Server-Sent Events: the queue's counts whenever it changes (moderators).
export const GET = route<{ groupId: string }>(async ({ actor, params, request }) => {
  const viewer = await groupViewer(params.groupId, actor.id, "moderation.read");
  return new Response(moderationEventStream({ viewer, credential: actor.credential, signal: request.signal }), { headers: EVENT_STREAM_HEADERS });
});
