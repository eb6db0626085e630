import { afterEach, describe, expect, it, vi } from "vitest";

// Server actions read the request's headers (the session cookie among them) through next/headers:
// outside Next, this file supplies them, as the browser's request would carry them.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => request.headers }));
vi.mock("next/cache", async (importOriginal) => ({ ...(await importOriginal<object>()), revalidatePath: () => {} }));

import * as groups from "@/app/api/v1/groups/route";
import * as invites from "@/app/api/v1/groups/[groupId]/invites/route";
import { createInviteAction } from "@/lib/actions/invites";
import { createGroup, createUser, sessionCookieFor, tokenFor } from "../factories";
import { call } from "../integration/http";

// Finding 10: with no APP_URL and no TRUST_PROXY, any client's X-Forwarded-Host rewrote the links
// the app hands out (invitation URLs included), and a malformed one gave a 500.
const postGroup = async (headers: Record<string, string>) =>
  call(groups.POST, { method: "POST", path: "/api/v1/groups", json: { name: "Forwarded", moderation: "post" }, headers: { authorization: `Bearer ${await tokenFor((await createUser()).id)}`, ...headers } });

afterEach(() => {
  delete process.env.TRUST_PROXY;
  request.headers = new Headers();
});

describe("without TRUST_PROXY, forwarded headers are ignored", () => {
  it("builds Location and IRIs from the Host the client addressed", async () => {
    const response = await postGroup({ host: "reading.example.org", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toMatch(/^http:\/\/reading\.example\.org\/api\/v1\/groups\//);
  });

  it("ignores a malformed X-Forwarded-Host instead of failing", async () => {
    const response = await postGroup({ host: "reading.example.org", "x-forwarded-host": 'evil"><x' });
    expect(response.status).toBe(201);
    expect(response.headers.get("location")).toMatch(/^http:\/\/reading\.example\.org\//);
  });

  it("answers a malformed Host with 400 and a JSON error, never an IRI built from it", async () => {
    const response = await postGroup({ host: 'evil"><x' });
    expect(response.status).toBe(400);
    expect(response.data.error.message).toMatch(/Host/);
  });

  it("gives server actions the same origin: an invitation link is never on the forwarded host", async () => {
    const { group, owner } = await createGroup();
    request.headers = new Headers({ host: "reading.example.org", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", cookie: await sessionCookieFor(owner.id) });
    const form = new FormData();
    form.set("role", "member");
    const state = await createInviteAction(group.id, {}, form);
    expect(state.error).toBeUndefined();
    expect(state.invite?.url).toMatch(/^http:\/\/reading\.example\.org\/invite\//);
  });

  it("builds API invitation links the same way", async () => {
    const { group, owner } = await createGroup();
    const response = await call(invites.POST, {
      method: "POST",
      path: `/api/v1/groups/${group.id}/invites`,
      params: { groupId: group.id },
      token: await tokenFor(owner.id),
      json: { role: "member" },
      headers: { host: "reading.example.org", "x-forwarded-host": "evil.example" },
    });
    expect(response.status).toBe(201);
    expect(response.data.url).toMatch(/^http:\/\/reading\.example\.org\/invite\//);
  });
});

describe("with TRUST_PROXY=1, the proxy's forwarded host and scheme count, validated", () => {
  it("uses X-Forwarded-Host and X-Forwarded-Proto in route handlers and server actions alike", async () => {
    process.env.TRUST_PROXY = "1";
    const response = await postGroup({ host: "10.0.0.5:3000", "x-forwarded-host": "reading.example.org", "x-forwarded-proto": "https" });
    expect(response.headers.get("location")).toMatch(/^https:\/\/reading\.example\.org\/api\/v1\/groups\//);
    const { group, owner } = await createGroup();
    request.headers = new Headers({ host: "10.0.0.5:3000", "x-forwarded-host": "reading.example.org", "x-forwarded-proto": "https", cookie: await sessionCookieFor(owner.id) });
    const form = new FormData();
    form.set("role", "member");
    expect((await createInviteAction(group.id, {}, form)).invite?.url).toMatch(/^https:\/\/reading\.example\.org\/invite\//);
  });

  it("answers a malformed forwarded host with 400, not 500", async () => {
    process.env.TRUST_PROXY = "1";
    const response = await postGroup({ host: "10.0.0.5:3000", "x-forwarded-host": 'evil"><x' });
    expect(response.status).toBe(400);
    expect(response.data.error.code).toBe("invalid_request");
  });
});
