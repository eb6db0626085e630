import "server-only";
import { db, readRows } from "../db";
import { Prisma } from "../generated/prisma/client";

export type TokenUser = { id: string; email: string; name: string; tokenId: string };

/**
 * The user behind an API token's digest, with the token's state (revoked, expiry, last use), or
 * null. One round trip (token joined to its user): every API request starts here.
 */
export async function findTokenUser(tokenHash: string) {
  const [row] = await readRows<TokenUser & { revokedAt: Date | null; expiresAt: Date | null; lastUsedAt: Date | null }>(Prisma.sql`
    SELECT t."id" AS "tokenId", t."revokedAt", t."expiresAt", t."lastUsedAt", u."id", u."email", u."name"
      FROM "ApiToken" t JOIN "User" u ON u."id" = t."userId"
     WHERE t."tokenHash" = ${tokenHash}`);
  return row ?? null;
}

/** The user's tokens for the settings page: never the digest. */
export function listApiTokens(userId: string) {
  return db().apiToken.findMany({
    where: { userId },
    orderBy: { createdAt: "desc" },
    select: { id: true, label: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true, expiresAt: true },
  });
}
