import type { NextRequest } from "next/server";
import { handlers } from "@/lib/auth/config";
import { assertSignInAllowed } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { toErrorResponse } from "@/lib/http/errors";

// GET /api/auth/* — next-auth: session, CSRF token, providers, OAuth callbacks.
export const GET = handlers.GET;

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
  return handlers.POST(request);
}
