import NextAuth, { CredentialsSignin, type NextAuthConfig } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import Google from "next-auth/providers/google";
import { env } from "../env";
import { RateLimitedError } from "../errors";
import authenticateUser from "../commands/authenticate-user";
import linkOAuthAccount from "../commands/link-oauth-account";
import { revokeSession } from "../commands/sessions";
import { isDatabaseOutage } from "../health/dependency";
import { noteOutage } from "../health/outage-watch";
import { isDatabaseUnavailable } from "../health/unavailable";
import { clientAddress } from "../http/client-address";
import { errorFields, logger } from "../log";
import { SESSION_MAX_AGE_SECONDS, sessionUser, startSession } from "./sessions";

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
          // A database that cannot be reached is not a wrong password: next-auth wraps this error
          // (CallbackRouteError), the sign-in form and /api/auth answer "try again shortly".
          if (isDatabaseUnavailable(error)) throw error;
          throw new InvalidCredentials();
        }
      },
    }),
  ];
  if (e.AUTH_GITHUB_ID && e.AUTH_GITHUB_SECRET) list.push(GitHub({ clientId: e.AUTH_GITHUB_ID, clientSecret: e.AUTH_GITHUB_SECRET }));
  if (e.AUTH_GOOGLE_ID && e.AUTH_GOOGLE_SECRET) list.push(Google({ clientId: e.AUTH_GOOGLE_ID, clientSecret: e.AUTH_GOOGLE_SECRET }));
  return list;
}

/**
 * next-auth with JWT sessions that can be revoked: each sign-in records a session row whose id the
 * JWT carries (`sid`), every auth() call checks that row (gone or expired → no session, and the
 * cookie is cleared), and sign-out deletes it, so an old cookie stops working at once. The config
 * is a function so environment variables are read per request (server.ts may set AUTH_SECRET).
 */
export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: env().AUTH_SECRET,
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: providers(),
  callbacks: {
    async jwt({ token, user, account, profile }) {
      if (account && account.type !== "credentials") {
        const linked = await linkOAuthAccount({ profile: { email: profile?.email ?? user?.email, name: profile?.name ?? user?.name }, account });
        if (!linked) throw new InvalidCredentials();
        token.sub = linked.id;
        token.name = linked.name;
        token.email = linked.email;
        token.sid = await startSession(linked.id);
        return token;
      }
      if (user?.id) {
        token.sub = user.id;
        token.sid = await startSession(user.id);
        return token;
      }
      // Any later use of the cookie: the session must still exist (sign-out and "sign out everywhere" delete it).
      if (typeof token.sid !== "string" || !token.sub) return null;
      try {
        return (await sessionUser(token.sid, token.sub)) ? token : null;
      } catch (error) {
        // A database outage is not a sign-out: next-auth would clear the cookie of a callback that
        // throws. Nothing is granted on this answer alone; every page, route and socket reads the
        // session row itself (currentUser, actorFromRequest, the collaboration server) and fails closed.
        // /api/auth/session answers 503 rather than a session it could not check (app/api/auth).
        if (isDatabaseUnavailable(error)) {
          noteOutage(error);
          return token;
        }
        throw error;
      }
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
  // next-auth catches its callbacks' errors and reports them here. A database outage is recorded
  // once per outage (lib/health) and told to the route (app/api/auth), which answers 503; a wrong
  // password is one line; anything else is an error, as one structured line.
  logger: {
    error(error) {
      if (isDatabaseOutage(error, "auth")) return noteOutage(error);
      const cause = (error.cause as { err?: unknown } | undefined)?.err;
      if (error instanceof CredentialsSignin) logger().info({ component: "auth", code: error.code }, "sign-in refused");
      else logger().error({ component: "auth", type: (error as { type?: string }).type ?? error.name, ...errorFields(cause ?? error) }, "auth error");
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (typeof sid === "string") await revokeSession(sid);
    },
  },
}));
