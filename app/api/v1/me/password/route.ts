import changePassword from "@/lib/commands/change-password";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";

// POST /api/v1/me/password — {currentPassword, newPassword}: changes it, revokes every API token (this one too), ends the other sessions.
export const POST = route(async ({ actor, request }) => {
  const keepSessionId = actor.credential.kind === "session" ? actor.credential.id : undefined;
  const result = await changePassword({ actorId: actor.id, input: await readJsonObject(request), keepSessionId });
  return Response.json(result);
});
