import "server-only";
import { db } from "../db";
import { generateApiToken } from "../auth/api-tokens";

const DAY_MS = 24 * 60 * 60 * 1000;

/** Issues a personal API token, optionally expiring after some days; the secret is returned once and only its digest is kept. */
export default async function createApiToken(opts: { userId: string; label?: string; expiresAt?: Date; expiresInDays?: number }) {
  const { token, hash, prefix } = generateApiToken();
  const expiresAt = opts.expiresAt ?? (opts.expiresInDays ? new Date(Date.now() + opts.expiresInDays * DAY_MS) : undefined);
  const row = await db().apiToken.create({
    data: { userId: opts.userId, label: opts.label ?? "API token", tokenHash: hash, prefix, expiresAt },
  });
  return { id: row.id, token, label: row.label, prefix, createdAt: row.createdAt, expiresAt: row.expiresAt };
}
