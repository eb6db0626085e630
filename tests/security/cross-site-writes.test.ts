import { describe, expect, it } from "vitest";
import * as groups from "@/app/api/v1/groups/route";
import * as tokens from "@/app/api/v1/tokens/route";
import { db } from "@/lib/db";
import { createUser, FACTORY_PASSWORD, sessionCookieFor, tokenFor } from "../factories";
import { call } from "../integration/http";

// Finding 8: a write signed in by the session cookie was accepted from any site that could get the
// browser to send it (SameSite=Lax still lets sibling subdomains and other ports through).
// `call` builds requests to http://marginalia.test, so that is this app's origin here.
const body = JSON.stringify({ name: "Planted by another site", moderation: "post" });

async function postGroup(headers: Record<string, string>) {
  return call(groups.POST, { method: "POST", path: "/api/v1/groups", body, headers });
}

describe("cookie-authenticated writes", () => {
  it("refuses a cross-site form post (foreign Origin, text/plain) and creates nothing", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const response = await postGroup({ cookie, origin: "http://evil.example", "content-type": "text/plain" });
    expect(response.status).toBe(403);
    expect(response.data.error.code).toBe("cross_site_request");
    expect(await db().membership.count({ where: { userId: user.id } })).toBe(0);
  });

  it("refuses sibling subdomains, other ports and opaque origins even with a JSON body", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    for (const origin of ["http://evil.marginalia.test", "http://marginalia.test:8080", "null"]) {
      const response = await postGroup({ cookie, origin, "content-type": "application/json" });
      expect(response.status, origin).toBe(403);
    }
    const fetchedCrossSite = await postGroup({ cookie, "sec-fetch-site": "same-site", "content-type": "application/json" });
    expect(fetchedCrossSite.status).toBe(403);
    const noBrowserSignal = await postGroup({ cookie, "content-type": "application/json" });
    expect(noBrowserSignal.status).toBe(403);
  });

  it("refuses a same-origin write whose body is not JSON (415, saying what to send)", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    const response = await postGroup({ cookie, origin: "http://marginalia.test", "content-type": "text/plain" });
    expect(response.status).toBe(415);
    expect(response.data.error.message).toContain("application/json");
  });

  it("accepts the app's own pages: same Origin, or Sec-Fetch-Site same-origin, with JSON", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    expect((await postGroup({ cookie, origin: "http://marginalia.test", "content-type": "application/json" })).status).toBe(201);
    expect((await postGroup({ cookie, "sec-fetch-site": "same-origin", "content-type": "application/json" })).status).toBe(201);
  });

  it("leaves API tokens alone: a Bearer write from anywhere still works", async () => {
    const token = await tokenFor((await createUser()).id);
    const response = await postGroup({ authorization: `Bearer ${token}`, origin: "http://evil.example", "content-type": "application/json" });
    expect(response.status).toBe(201);
  });

  it("on a public route, a cookie that may not speak for the write is ignored rather than refused", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const response = await call(tokens.POST, { method: "POST", path: "/api/v1/tokens", json: { email: user.email, password: FACTORY_PASSWORD }, headers: { cookie, "x-forwarded-for": "10.68.0.1" } });
    expect(response.status).toBe(201);
  });

  it("does not restrict reads with the cookie", async () => {
    const cookie = await sessionCookieFor((await createUser()).id);
    expect((await call(groups.GET, { path: "/api/v1/groups", headers: { cookie, origin: "http://evil.example" } })).status).toBe(200);
  });
});
