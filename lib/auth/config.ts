import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { db } from "../db";
import { env } from "../env";
import { RateLimitedError } from "../errors";
import authenticateUser from "../commands/authenticate-user";
import { clientAddress } from "../http/client-address";

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class TooManyAttempts extends CredentialsSignin {
  code = "rate_limited";
}

function providers(): NextAuthConfig["providers"] {
  const e = env();
  const list: NextAuthConfig["providers"] = [
    Credentials({
      credentials: { email: { type: "email" }, password: { type: "password" } },
      async authorize(credentials, request) {
        try {
          const user = await authenticateUser({
            email: String(credentials?.email ?? ""),
            password: String(credentials?.password ?? ""),
            address: clientAddress(request.headers),
          });
          if (!user) throw new InvalidCredentials();
          return { id: user.id, email: user.email, name: user.name };
        } catch (error) {
          if (error instanceof RateLimitedError) throw new TooManyAttempts();
          if (error instanceof CredentialsSignin) throw error;
          throw new InvalidCredentials();
        }
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return list;
}

/** Links an OAuth sign-in to the account with the same verified email, creating it if needed. */
async function userForOAuth(profile: { email?: string | null; name?: string | null }, account: { provider: string; providerAccountId: string; type: string }) {
  const email = profile.email?.trim().toLowerCase();
  if (!email) return null;
  const user = await db().user.upsert({
    where: { email },
    update: {},
    create: { email, name: profile.name?.trim() || email.split("@")[0] },
  });
  await db().account.upsert({
    where: { provider_providerAccountId: { provider: account.provider, providerAccountId: account.providerAccountId } },
    update: {},
    create: { userId: user.id, type: account.type, provider: account.provider, providerAccountId: account.providerAccountId },
  });
  return user;
}

/**
 * next-auth with JWT sessions. The config is a function so environment variables are
 * read per request (server.ts may set AUTH_SECRET for an embedded setup).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: 30 * 24 * 60 * 60 },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account && account.type !== "credentials") {
        const linked = await userForOAuth({ email: profile?.email ?? user?.email, name: profile?.name ?? user?.name }, account);
        if (!linked) throw new InvalidCredentials();
        token.sub = linked.id;
        token.name = linked.name;
        token.email = linked.email;
      } else if (user?.id) {
        token.sub = user.id;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
}));
