import { randomBytes } from "node:crypto";
import { extendSession, recordSession } from "../commands/sessions";
import { findSessionUser, type SessionUser } from "../queries/sessions";

export type { SessionUser } from "../queries/sessions";

/** How long a session lasts without use; each day of use extends it (like the cookie's own expiry). */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
const EXTEND_AFTER_MS = 24 * 60 * 60 * 1000;

/**
 * Records a new browser session at sign-in and returns its id, which the session cookie (a signed,
 * encrypted JWT) carries. A session ends when its row is gone: sign-out deletes one, "sign out
 * everywhere" all of a user's (lib/commands/sessions.ts). The user's expired rows are swept here.
 */
export async function startSession(userId: string): Promise<string> {
  const sessionId = randomBytes(32).toString("base64url");
  await recordSession({ userId, sessionId, expires: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000) });
  return sessionId;
}

/** The user of a live session, or null when it was revoked, expired or belongs to someone else. */
export async function sessionUser(sessionId: string, userId: string): Promise<SessionUser | null> {
  const row = await findSessionUser(sessionId, userId);
  if (!row || row.expires.getTime() <= Date.now()) return null;
  // At most once a day: sliding expiry is not worth a write per request.
  const renewed = Date.now() + SESSION_MAX_AGE_SECONDS * 1000;
  if (renewed - row.expires.getTime() > EXTEND_AFTER_MS) extendSession(sessionId, new Date(renewed));
  return { id: row.id, email: row.email, name: row.name };
}
