import { headers } from "next/headers";
import { db } from "../db";
import { UnauthorizedError } from "../errors";
import { bearerToken } from "./api-tokens";
import { auth } from "./config";
import type { Credential } from "./revocation";
import { userForApiToken } from "./resolve-token";
import { sessionFromCookieHeader } from "./session-token";
import { sessionUser } from "./sessions";

export type { Credential };

export type Actor = { id: string; email: string; name: string; isAdmin: boolean; credential: Credential };

const select = { id: true, email: true, name: true, isAdmin: true } as const;

/**
 * The signed-in user of a page or server action, re-read from the database (a deleted user's JWT
 * stops working). auth() answers null for a revoked session: the jwt callback checks it (config.ts).
 */
export async function currentUser(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  const user = await db().user.findUnique({ where: { id }, select });
  const sessionId = (await sessionFromCookieHeader((await headers()).get("cookie")))?.sessionId ?? "";
  return user && { ...user, credential: { kind: "session", id: sessionId } };
}

/** The actor of an API request: a Bearer token when present (a bad one is 401), else the session cookie. */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = bearerToken(header);
    const user = token ? await userForApiToken(token) : null;
    if (!user) throw new UnauthorizedError("The API token is invalid, revoked or expired");
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, credential: { kind: "token", id: user.tokenId } };
  }
  const session = await sessionFromCookieHeader(request.headers.get("cookie"));
  const user = session ? await sessionUser(session.sessionId, session.userId) : null;
  return user && session && { ...user, credential: { kind: "session", id: session.sessionId } };
}
