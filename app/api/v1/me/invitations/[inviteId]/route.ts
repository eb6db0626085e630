import declineInvitation from "@/lib/commands/decline-invitation";
import { route } from "@/lib/http/route";

// DELETE /api/v1/me/invitations/{inviteId} — decline an invitation addressed to me: 204.
export const DELETE = route<{ inviteId: string }>(async ({ actor, params }) => {
  await declineInvitation({ actorId: actor.id, inviteId: params.inviteId });
  return new Response(null, { status: 204 });
});
