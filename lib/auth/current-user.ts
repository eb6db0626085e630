import { db } from "../db";
import { UnauthorizedError } from "../errors";
import { bearerToken } from "./api-tokens";
import { auth } from "./config";
import { userForApiToken } from "./resolve-token";
import { userIdFromCookieHeader } from "./session-token";

export type Actor = { id: string; email: string; name: string; isAdmin: boolean };

const select = { id: true, email: true, name: true, isAdmin: true } as const;

/** The signed-in user of a page or server action, re-read from the database (a deleted user's JWT stops working). */
export async function currentUser(): Promise<Actor | null> {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db().user.findUnique({ where: { id }, select });
}

/** The actor of an API request: a Bearer token when present (a bad one is 401), else the session cookie. */
export async function actorFromRequest(request: Request): Promise<Actor | null> {
  const header = request.headers.get("authorization");
  if (header) {
    const token = bearerToken(header);
    const user = token ? await userForApiToken(token) : null;
    if (!user) throw new UnauthorizedError("The API token is invalid, revoked or expired");
    return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin };
  }
  const id = await userIdFromCookieHeader(request.headers.get("cookie"));
  return id ? db().user.findUnique({ where: { id }, select }) : null;
}
