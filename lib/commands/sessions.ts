import "server-only";
import { publishRevocation } from "../auth/revocation";
import { db } from "../db";

/** Records a new browser session (its id is what the cookie carries), sweeping the user's expired ones in the same transaction. */
export async function recordSession(opts: { userId: string; sessionId: string; expires: Date }): Promise<void> {
  await db().$transaction([
    db().session.deleteMany({ where: { userId: opts.userId, expires: { lt: new Date() } } }),
    db().session.create({ data: { sessionToken: opts.sessionId, userId: opts.userId, expires: opts.expires } }),
  ]);
}

/** Moves a session's expiry on (sliding sessions); best effort, so a failure is swallowed. */
export function extendSession(sessionId: string, expires: Date): void {
  void db().session.updateMany({ where: { sessionToken: sessionId }, data: { expires } }).catch(() => {});
}

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
