import { db, readRows } from "../db";
import { Prisma } from "../generated/prisma/client";
import { hashApiToken } from "./api-tokens";

export type TokenUser = { id: string; email: string; name: string; tokenId: string };

/**
 * The user behind a personal API token, or null when it is unknown, revoked or expired.
 * One round trip (token joined to its user): every API request starts here.
 */
export async function userForApiToken(token: string): Promise<TokenUser | null> {
  const [row] = await readRows<TokenUser & { revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }>(Prisma.sql`
    SELECT t."id" AS "tokenId", t."revokedAt", t."expiresAt", t."lastUsedAt", u."id", u."email", u."name"
      FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
     WHERE t."tokenHash" = ${hashApiToken(token)}`);
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // Best effort and throttled to once a minute: a usage timestamp is not worth a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    void db().apiToken.update({ where: { id: row.tokenId }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return { id: row.id, email: row.email, name: row.name, tokenId: row.tokenId };
}
