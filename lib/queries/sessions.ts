import "server-only";
import { readRows } from "../db";
import { Prisma } from "../generated/prisma/client";

export type SessionUser = { id: string; email: string; name: string };

/**
 * The user of a session row with the row's expiry, or null when there is no such session of
 * theirs. One round trip (session joined to its user): every cookie-authenticated request starts here.
 */
export async function findSessionUser(sessionId: string, userId: string): Promise<(SessionUser & { expires: Date }) | null> {
  const [row] = await readRows<SessionUser & { expires: Date }>(Prisma.sql`
    SELECT s."expires", u."id", u."email", u."name"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = ${sessionId} AND s."userId" = ${userId}`);
  return row ?? null;
}
