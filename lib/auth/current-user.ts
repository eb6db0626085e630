import { headers } from "next/headers";
import { cache } from "react";
import { UnauthorizedError } from "../errors";
import { bearerToken } from "./api-tokens";
import type { Credential } from "./revocation";
import { userForApiToken } from "./resolve-token";
import { sessionFromCookieHeader } from "./session-token";
import { sessionUser } from "./sessions";

export type { Credential };

export type Actor = { id: string; email: string; name: string; credential: Credential };

/**
 * The signed-in user of a page or server action: the session cookie's row and its user, re-read
 * from the database, so a revoked session or a deleted user stops working at once. This reads the
 * row itself rather than through next-auth's auth(), which turns any failure into "no session": a
 * database that cannot be reached must throw (the page says "temporarily unavailable"), never read
 * as signed out and send the reader to the sign-in page. Read once per page render (the layout,
 * the page and its metadata ask in turn, one after the other); server actions read it afresh.
 */
export const currentUser = cache(async (): Promise<Actor | null> => actorFromCookies((await headers()).get("cookie")));

/** The user of a session cookie whose row still exists, or null. */
async function actorFromCookies(cookieHeader: string | null): Promise<Actor | null> {
  const session = await sessionFromCookieHeader(cookieHeader);
  const user = session ? await sessionUser(session.sessionId, session.userId) : null;
  return user && session && { ...user, credential: { kind: "session", id: session.sessionId } };
}

/** The actor of an API request: a Bearer token when present (a bad one is 401), else the session cookie. */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = bearerToken(header);
    const user = token ? await userForApiToken(token) : null;
    if (!user) throw new UnauthorizedError("The API token is invalid, revoked or expired");
    return { id: user.id, email: user.email, name: user.name, credential: { kind: "token", id: user.tokenId } };
  }
  return actorFromCookies(request.headers.get("cookie"));
}
