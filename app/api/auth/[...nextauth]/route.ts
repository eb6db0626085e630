import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { assertSignInAllowed } from "@/lib/auth/rate-limit";
import { watchForOutage } from "@/lib/health/outage-watch";
import { clientAddress } from "@/lib/http/client-address";
import { toErrorResponse } from "@/lib/http/errors";

/**
 * next-auth's answer, unless the database could not be reached on the way: then 503
 * `unavailable` with Retry-After (toErrorResponse) and no cookies, whatever next-auth made of
 * it (a "wrong password" redirect, a session it could not check, a sign-out that revoked
 * nothing but would clear the cookie). The reader's session cookie is never touched by an outage.
 */
async function answer(handle: () => Promise<Response>): Promise<Response> {
  try {
    const { result, outage } = await watchForOutage(handle);
    return outage === undefined ? result : toErrorResponse(outage);
  } catch (error) {
    return toErrorResponse(error);
  }
}

// GET /api/auth/* — next-auth: session, CSRF token, providers, OAuth callbacks.
export async function GET(request: NextRequest) {
  return answer(() => handlers.GET(request));
}

// POST /api/auth/* — next-auth; a credentials sign-in is refused with 429 once the account or address is rate-limited.
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    try {
      await assertSignInAllowed({ email: String(form?.get("email") ?? ""), address: clientAddress(request.headers) });
    } catch (error) {
      return toErrorResponse(error);
    }
  }
  return answer(() => handlers.POST(request));
}
