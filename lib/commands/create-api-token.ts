import { db } from "../db";
import { generateApiToken } from "../auth/api-tokens";

/** Issues a personal API token; the secret is returned once and only its digest is kept. */
export default async function createApiToken(opts: { userId: string; label?: string; expiresAt?: Date }) {
  const { token, hash, prefix } = generateApiToken();
  const row = await db().apiToken.create({
    data: { userId: opts.userId, label: opts.label ?? "API token", tokenHash: hash, prefix, expiresAt: opts.expiresAt },
  });
  return { id: row.id, token, label: row.label, prefix, createdAt: row.createdAt };
}
