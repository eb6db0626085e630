import recordTokenUse from "../commands/record-token-use";
import { findTokenUser, type TokenUser } from "../queries/tokens";
import { hashApiToken } from "./api-tokens";

export type { TokenUser } from "../queries/tokens";

/** The user behind a personal API token, or null when it is unknown, revoked or expired. Every API request starts here. */
export async function userForApiToken(token: string): Promise<TokenUser | null> {
  const row = await findTokenUser(hashApiToken(token));
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // Throttled to once a minute: a usage timestamp is not worth a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) recordTokenUse(row.tokenId);
  return { id: row.id, email: row.email, name: row.name, tokenId: row.tokenId };
}
