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
 * The user id in a next-auth session cookie, or null when absent, tampered or expired.
 * Needs no Next request context, so the collaboration server and API routes share it.
 */
export async function userIdFromCookieHeader(cookieHeader: string | null | undefined): Promise<string | null> {
  const secret = env().AUTH_SECRET;
  if (!cookieHeader || !secret) return null;
  for (const name of SESSION_COOKIES) {
    const token = readCookie(cookieHeader, name);
    if (!token) continue;
    try {
      const payload = await decode({ token, secret, salt: name });
      if (payload?.sub && (!payload.exp || payload.exp * 1000 > Date.now())) return payload.sub;
    } catch {
      return null;
    }
  }
  return null;
}
