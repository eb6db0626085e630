import { afterAll, describe, expect, inject, it } from "vitest";
import { createUser, FACTORY_PASSWORD, sessionCookieFor } from "../factories";
import { startApp, type AppInstance } from "./app";
import { proxyFor, type TcpProxy } from "./tcp-proxy";

let app: AppInstance | undefined;
let proxy: TcpProxy | undefined;
afterAll(async () => {
  await app?.stop();
  await proxy?.stop();
});

const SESSION_COOKIE = "authjs.session-token";
/** The `name=value` pairs of a response's Set-Cookie headers. */
const setCookies = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]);

/** A CSRF token and the cookie that goes with it, as a browser gets them before posting to next-auth. */
async function csrf(baseUrl: string) {
  const response = await fetch(`${baseUrl}/api/auth/csrf`);
  expect(response.status).toBe(200);
  return { token: ((await response.json()) as { csrfToken: string }).csrfToken, cookie: setCookies(response).join("; ") };
}

async function post(baseUrl: string, path: string, form: Record<string, string>, cookie?: string) {
  const { token, cookie: csrfCookie } = await csrf(baseUrl);
  return fetch(`${baseUrl}/api/auth/${path}`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: [csrfCookie, cookie].filter(Boolean).join("; ") },
    body: new URLSearchParams({ ...form, csrfToken: token, callbackUrl: `${baseUrl}/groups` }),
  });
}

const session = (baseUrl: string, cookie: string) => fetch(`${baseUrl}/api/auth/session`, { headers: { cookie } });
const sessionUserId = async (baseUrl: string, cookie: string) => ((await (await session(baseUrl, cookie)).json()) as { user?: { id?: string } } | null)?.user?.id;

/** 503 `{error: {code: "unavailable"}}` with Retry-After, and the session cookie left alone. */
async function expectUnavailable(response: Response, what: string) {
  expect(response.status, what).toBe(503);
  expect(Number(response.headers.get("retry-after")), what).toBeGreaterThan(0);
  expect(((await response.json()) as { error: { code: string } }).error.code, what).toBe("unavailable");
  expect(
    setCookies(response).filter((c) => c.startsWith(`${SESSION_COOKIE}=`)),
    `${what} must not touch the session cookie`,
  ).toEqual([]);
}

describe("next-auth routes while the database is away", () => {
  it("answer 503 with Retry-After for sign-in, session and sign-out, keep the reader's session, and work again once it is back", async () => {
    const databaseUrl = inject("databaseUrl");
    proxy = await proxyFor(databaseUrl);
    app = await startApp({ DATABASE_URL: proxy.url(databaseUrl), REDIS_URL: undefined, AUTH_SECRET: process.env.AUTH_SECRET, APP_URL: "http://127.0.0.1" });
    const { baseUrl } = app;
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    expect(await sessionUserId(baseUrl, cookie)).toBe(user.id);

    await proxy.cut();
    const cutAt = Date.now();
    // The right password: the answer is not "wrong password" (a redirect to ?error=CredentialsSignin) but "try again".
    await expectUnavailable(await post(baseUrl, "callback/credentials", { email: user.email, password: FACTORY_PASSWORD }), "sign-in");
    await expectUnavailable(await session(baseUrl, cookie), "session");
    // Sign-out cannot revoke the session now: it must say so rather than only clear this browser's cookie.
    await expectUnavailable(await post(baseUrl, "signout", {}, cookie), "sign-out");
    await proxy.restore();
    const restoredAt = Date.now();

    // The session survived the outage, and every route works again.
    await expect.poll(() => sessionUserId(baseUrl, cookie), { timeout: 5000 }).toBe(user.id);
    const signIn = await post(baseUrl, "callback/credentials", { email: user.email, password: FACTORY_PASSWORD });
    expect(signIn.status).toBe(302);
    expect(signIn.headers.get("location")).not.toMatch(/error=/);
    expect(setCookies(signIn).some((c) => c.startsWith(`${SESSION_COOKIE}=`) && c.length > SESSION_COOKIE.length + 1)).toBe(true);
    const signOut = await post(baseUrl, "signout", {}, cookie);
    expect(signOut.status).toBe(302);
    expect(setCookies(signOut)).toContain(`${SESSION_COOKIE}=`);
    // Signed out for good: the old cookie no longer names a session.
    expect(await (await session(baseUrl, cookie)).json()).toBeNull();

    const lines = app.linesBetween(cutAt - 500, restoredAt + 2000);
    expect(lines.length, lines.join("\n")).toBeLessThan(50);
    expect(lines.join("\n")).not.toMatch(/uncaught|unhandled|\[auth\]\[error\]/i);
  }, 120_000);
});
