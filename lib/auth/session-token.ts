import { decode } from "next-auth/jwt";
import { env } from "../env";

/** next-auth v5 cookie names: the __Secure- one is used over HTTPS. The name is also the JWT salt. */
export const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

function readCookie(header: string, name: string): string | null {
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return null;
}

/**
 * The session a next-auth session cookie names — its user and session id — or null when absent,
 * tampered or expired. Only the signature and expiry are checked here: whether the session is still
 * live is the database's answer (sessionUser in lib/auth/sessions.ts). Needs no Next request
 * context, so the collaboration server and API routes share it.
 */
export async function sessionFromCookieHeader(cookieHeader: string | null | undefined): Promise<{ userId: string; sessionId: string } | null> {
  const secret = env().AUTH_SECRET;
  if (!cookieHeader || !secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      const expired = payload?.exp !== undefined && payload.exp * 1000 <= Date.now();
      if (payload?.sub && typeof payload.sid === "string" && !expired) return { userId: payload.sub, sessionId: payload.sid };
    } catch {
      return null;
    }
  }
  return null;
}
