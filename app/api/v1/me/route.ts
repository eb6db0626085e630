import deleteAccount from "@/lib/commands/delete-account";
import { readJsonObject } from "@/lib/http/body";
import { route } from "@/lib/http/route";
import { presentMe } from "@/lib/presenters/user";

// GET /api/v1/me — the caller's own account.
export const GET = route(async ({ actor }) => Response.json(presentMe(actor)));

// DELETE /api/v1/me — {password, groupNotes: "keep"|"delete"}: deletes my account (409 while I am a group's only owner).
export const DELETE = route(async ({ actor, request }) => {
  await deleteAccount({ actorId: actor.id, input: await readJsonObject(request) });
  return new Response(null, { status: 204 });
});
