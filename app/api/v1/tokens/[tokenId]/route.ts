import revokeApiToken from "@/lib/commands/revoke-api-token";
import { route } from "@/lib/http/route";

// DELETE /api/v1/tokens/{tokenId} — revoke one of your own tokens.
export const DELETE = route<{ tokenId: string }>(async ({ actor, params }) => {
  await revokeApiToken({ actorId: actor.id, tokenId: params.tokenId });
  return new Response(null, { status: 204 });
});
