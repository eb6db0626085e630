import { db } from "../db";
import { hashApiToken } from "./api-tokens";

/** The user behind a personal API token, or null when it is unknown, revoked or expired. */
export async function userForApiToken(token: string) {
  const row = await db().apiToken.findUnique({ where: { tokenHash: hashApiToken(token) }, include: { user: true } });
  if (!row || row.revokedAt || (row.expiresAt && row.expiresAt < new Date())) return null;
  // Best effort and throttled to once a minute: a usage timestamp is not worth a write per request.
  if (!row.lastUsedAt || Date.now() - row.lastUsedAt.getTime() > 60_000) {
    void db().apiToken.update({ where: { id: row.id }, data: { lastUsedAt: new Date() } }).catch(() => {});
  }
  return row.user;
}
