import { NextRequest } from "next/server";
import * as nextAuth from "@/app/api/auth/[...nextauth]/route";

const ORIGIN = "http://marginalia.test";
const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** next-auth's CSRF token and the cookie that goes with it, as a browser fetches them before posting a form. */
async function csrf() {
  const response = await nextAuth.GET(new NextRequest(`${ORIGIN}/api/auth/csrf`));
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return { csrfToken, cookie: cookiesOf(response).join("; ") };
}

const form = (path: string, cookie: string, fields: Record<string, string>) =>
  new NextRequest(`${ORIGIN}${path}`, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie, origin: ORIGIN, "x-forwarded-for": "10.66.0.1" },
    body: new URLSearchParams(fields).toString(),
  });

/** Signs in through next-auth's credentials form post, as the sign-in page does; returns the session cookie (`Cookie` header value). */
export async function signInAsBrowser(email: string, password: string): Promise<string> {
  const { csrfToken, cookie } = await csrf();
  const response = await nextAuth.POST(form("/api/auth/callback/credentials", cookie, { email, password, csrfToken, callbackUrl: "/groups" }));
  const session = cookiesOf(response).find((c) => c.startsWith("authjs.session-token="));
  if (!session) throw new Error(`sign-in set no session cookie (status ${response.status}, ${response.headers.get("location")})`);
  return session;
}

/** Signs out through next-auth's sign-out form post, as the header menu does. */
export async function signOutAsBrowser(sessionCookie: string): Promise<Response> {
  const { csrfToken, cookie } = await csrf();
  return nextAuth.POST(form("/api/auth/signout", `${cookie}; ${sessionCookie}`, { csrfToken, callbackUrl: "/" }));
}
