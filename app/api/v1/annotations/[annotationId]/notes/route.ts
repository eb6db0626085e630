import addModeratorNote from "@/lib/commands/add-moderator-note";
import { readJsonObject } from "@/lib/http/body";
import { created, route } from "@/lib/http/route";
import { presentModeratorNote } from "@/lib/presenters/moderation";
import { listModeratorNotes } from "@/lib/queries/moderation";

// POST /api/v1/annotations/{annotationId}/notes — a private note for the group's moderators, kept in the log (moderators).
export const POST = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => {
  const { note } = await addModeratorNote({ actorId: actor.id, annotationId: params.annotationId, input: await readJsonObject(request) });
  return created(presentModeratorNote(note), `${origin}/api/v1/annotations/${params.annotationId}/notes`);
});

// GET /api/v1/annotations/{annotationId}/notes — the moderators' notes on an item, oldest first (moderators).
export const GET = route<{ annotationId: string }>(async ({ actor, params }) => {
  return Response.json({ items: (await listModeratorNotes(params.annotationId, actor.id)).map(presentModeratorNote) });
});
