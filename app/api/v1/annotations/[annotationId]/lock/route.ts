import lockThread from "@/lib/commands/lock-thread";
import { readBodyText } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { ValidationError } from "@/lib/errors";
import { ANNO_MEDIA_TYPE, presentAnnotation } from "@/lib/presenters/annotation";

/** The optional `{note}` body: empty is fine, anything else must be a JSON object. */
async function optionalNote(request: Request): Promise<unknown> {
  const text = await readBodyText(request);
  if (!text.trim()) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new ValidationError("The request body is not valid JSON");
  }
}

async function setLock(actorId: string, annotationId: string, locked: boolean, request: Request, origin: string) {
  const { annotation, viewer } = await lockThread({ actorId, annotationId, locked, input: await optionalNote(request) });
  return Response.json(presentAnnotation(annotation, origin, viewer), { headers: { "Content-Type": ANNO_MEDIA_TYPE } });
}

// POST /api/v1/annotations/{annotationId}/lock — lock the item's thread: no new replies (moderators); answers the thread's top annotation.
export const POST = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => setLock(actor.id, params.annotationId, true, request, origin));

// DELETE /api/v1/annotations/{annotationId}/lock — unlock the thread (moderators).
export const DELETE = route<{ annotationId: string }>(async ({ actor, params, request, origin }) => setLock(actor.id, params.annotationId, false, request, origin));
