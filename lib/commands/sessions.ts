import { publishRevocation } from "../auth/revocation";
import { db } from "../db";

/**
 * Signs a user out everywhere: ends every browser session of theirs (optionally all but `except`,
 * the one making the request) and closes, on every instance, the live connections and streams
 * those sessions opened. For "sign out everywhere" and after a password change. API tokens are
 * separate credentials and stay (revoke them with revoke-api-token). Returns how many ended.
 */
export async function revokeSessions(userId: string, opts: { except?: string } = {}): Promise<number> {
  const where = { userId, ...(opts.except ? { sessionToken: { not: opts.except } } : {}) };
  const sessions = await db().session.findMany({ where, select: { sessionToken: true } });
  if (!sessions.length) return 0;
  const sessionIds = sessions.map((s) => s.sessionToken);
  await db().session.deleteMany({ where: { sessionToken: { in: sessionIds } } });
  publishRevocation({ sessionIds });
  return sessionIds.length;
}

/** Ends one browser session (sign-out) and closes what it opened, on every instance. */
export async function revokeSession(sessionId: string): Promise<void> {
  await db().session.deleteMany({ where: { sessionToken: sessionId } });
  publishRevocation({ sessionIds: [sessionId] });
}
