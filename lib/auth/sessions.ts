import { randomBytes } from "node:crypto";
import { db, readRows } from "../db";
import { Prisma } from "../generated/prisma/client";

/** How long a session lasts without use; each day of use extends it (like the cookie's own expiry). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;

export type SessionUser = { id: string; email: string; name: string };

/**
 * Records a new browser session at sign-in and returns its id, which the session cookie (a signed,
 * encrypted JWT) carries. A session ends when its row is gone: sign-out deletes one, "sign out
 * everywhere" all of a user's (lib/commands/sessions.ts). The user's expired rows are swept here.
 */
export async function startSession(userId: string): Promise<string> {
  const id = randomBytes(32).toString("base64url");
  const now = Date.now();
  await db().$transaction([
    db().session.deleteMany({ where: { userId, expires: { lt: new Date(now) } } }),
    db().session.create({ data: { sessionToken: id, userId, expires: new Date(now + SESSION_MAX_AGE_SECONDS * 1000) } }),
  ]);
  return id;
}

/**
 * The user of a live session, or null when it was revoked, expired or belongs to someone else.
 * One round trip (session joined to its user): every cookie-authenticated request starts here.
 */
export async function sessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  const [row] = await readRows<SessionUser & { expires: Date }>(Prisma.sql`
    SELECT s."expires", u."id", u."email", u."name"
      FROM "Session" s JOIN "User" u ON u."id" = s."userId"
     WHERE s."sessionToken" = ${sessionId} AND s."userId" = ${userId}`);
  if (!row || row.expires.getTime() <= Date.now()) return null;
  // Best effort and at most once a day: sliding expiry is not worth a write per request.
  const renewed = Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
  if (renewed - row.expires.getTime() > EXTEND_AFTER_MS) {
    void db().session.updateMany({ where: { sessionToken: sessionId }, data: { expires: new Date(renewed) } }).catch(() => {});
  }
  return { id: row.id, email: row.email, name: row.name };
}
