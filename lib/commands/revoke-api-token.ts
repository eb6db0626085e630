import "server-only";
import { publishRevocation } from "../auth/revocation";
import { db } from "../db";
import { NotFoundError } from "../errors";

/** Revokes one of the actor's own tokens, closing what it opened on every instance; someone else's token is "not found". */
export default async function revokeApiToken(opts: { actorId: string; tokenId: string }) {
  const result = await db().apiToken.updateMany({
    where: { id: opts.tokenId, userId: opts.actorId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (result.count === 0) throw new NotFoundError("Token");
  publishRevocation({ tokenIds: [opts.tokenId] });
}
