import type { Credential } from "../auth/revocation";
import { userForApiToken } from "../auth/resolve-token";
import { sessionFromCookieHeader } from "../auth/session-token";
import { sessionUser } from "../auth/sessions";

/** Who a collaboration connection belongs to, from its API token or else its live session cookie, with the credential it used. */
export async function collabUser(token: string, cookieHeader: string | null): Promise<{ id: string; name: string; credential: Credential } | null> {
  if (token) {
    const user = await userForApiToken(token);
    return user && { id: user.id, name: user.name, credential: { kind: "token", id: user.tokenId } };
  }
  const session = await sessionFromCookieHeader(cookieHeader);
  const user = session ? await sessionUser(session.sessionId, session.userId) : null;
  return user && session && { id: user.id, name: user.name, credential: { kind: "session", id: session.sessionId } };
}
