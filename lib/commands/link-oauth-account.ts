import "server-only";
import { db } from "../db";

/** Links an OAuth sign-in to the account with the same verified email, creating the account if needed; null without an email. */
export default async function linkOAuthAccount(opts: { profile: { email?: string | null; name?: string | null }; account: { provider: string; providerAccountId: string; type: string } }) {
  const email = opts.profile.email?.trim().toLowerCase();
  if (!email) return null;
  const { account } = opts;
  return db().$transaction(async (tx) => {
    const user = await tx.user.upsert({ where: { email }, update: {}, create: { email, name: opts.profile.name?.trim() || email.split("@")[0] } });
    await tx.account.upsert({
      where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
      update: {},
      create: { userId: user.id, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
    });
    return user;
  });
}
