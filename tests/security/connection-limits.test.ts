import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Server actions read the request's headers through next/headers; sign-up then signs in through
// next-auth, which needs a real Next request: this file stands in for both.
const request = vi.hoisted(() => ({ headers: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => request.headers }));
vi.mock("@/lib/auth/config", async (importOriginal) => ({ ...(await importOriginal<object>()), signIn: async () => undefined }));

import WebSocket from "ws";
import * as me from "@/app/api/v1/me/route";
import { signUpAction } from "@/lib/actions/auth";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, tokenFor, unique } from "../factories";
import { connect, synced, until, useCollabServer, type Client } from "../integration/collab/harness";
import { call } from "../integration/http";

// Finding 15: 300 idle sockets from one client, 5 × 100 sessions for one user, 1,000 bogus-token
// attempts in 3 s and 12 sign-ups in a row were all accepted. Behind a trusted proxy here, so each
// test can speak from its own client address (X-Forwarded-For) and the budgets never mix.
beforeAll(() => {
  process.env.TRUST_PROXY = "1";
});
afterAll(() => {
  delete process.env.TRUST_PROXY;
});

const scope = useCollabServer();
const open = (...args: Parameters<typeof connect>): Client => {
  const client = connect(...args);
  scope.clients.push(client);
  return client;
};
const from = (address: string) => ({ "x-forwarded-for": `203.0.113.9, ${address}` });
/** Route handlers see X-Forwarded-For as server.ts leaves it: the one client address. */
const viaServer = (address: string) => ({ "x-forwarded-for": address });

/** A bare WebSocket that never authenticates: resolves "open", or the HTTP status it was refused with. */
function idleSocket(url: string, address: string, sockets: WebSocket[]): Promise<"open" | number> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, { headers: from(address) });
    sockets.push(ws);
    ws.once("open", () => resolve("open"));
    ws.once("unexpected-response", (_req, res) => resolve(res.statusCode ?? 0));
    ws.once("error", () => resolve(0));
  });
}

describe("limits on connections and attempts", () => {
  it("caps open /collab sockets per client address (100 by default), and frees the budget as they close", async () => {
    const sockets: WebSocket[] = [];
    try {
      const outcomes = await Promise.all(Array.from({ length: 130 }, () => idleSocket(scope.server.url, "198.51.100.1", sockets)));
      expect(outcomes.filter((o) => o === "open")).toHaveLength(100);
      expect(outcomes.filter((o) => o === 429)).toHaveLength(30);
      expect(await idleSocket(scope.server.url, "198.51.100.2", sockets)).toBe("open");
      const opened = sockets.filter((ws) => ws.readyState === WebSocket.OPEN);
      await Promise.all(opened.slice(0, 5).map((ws) => new Promise((r) => (ws.once("close", r), ws.close()))));
      await until(() => opened.slice(0, 5).every((ws) => ws.readyState === WebSocket.CLOSED), "closed");
      await new Promise((r) => setTimeout(r, 100));
      expect(await idleSocket(scope.server.url, "198.51.100.1", sockets)).toBe("open");
    } finally {
      sockets.forEach((ws) => ws.terminate());
    }
  });

  it("caps one user's document connections (40 by default) however many sockets carry them", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const token = await tokenFor(owner.id);
    const clients = Array.from({ length: 45 }, () => open(scope.server.url, document.id, { token, headers: from("198.51.100.3") }));
    await until(() => clients.filter((c) => c.provider.isSynced).length === 40 && clients.filter((c) => c.authFailure).length === 5, "40 synced and 5 refused", 15_000);
    expect(clients.filter((c) => c.authFailure).map((c) => c.authFailure)).toEqual(Array(5).fill("too-many-connections"));
    clients.filter((c) => c.provider.isSynced).slice(0, 5).forEach((c) => c.destroy());
    const again = open(scope.server.url, document.id, { token, headers: from("198.51.100.3") });
    await synced(again);
  });

  it("throttles an address that keeps presenting wrong tokens to /collab, even its next right one", async () => {
    const { group, owner } = await createGroup();
    const document = await createDocumentIn(group.id, owner.id);
    const bogus = Array.from({ length: 40 }, (_, i) => open(scope.server.url, document.id, { token: `mgn_bogus${i}`, headers: from("198.51.100.4") }));
    await until(() => bogus.every((c) => c.authFailure), "all refused", 15_000);
    const outcomes = bogus.map((c) => c.authFailure);
    const [wrong, limited] = [outcomes.filter((r) => r === "unauthorized").length, outcomes.filter((r) => r === "rate-limited").length];
    // A token the server could not check (its database too busy to answer in time, on a loaded
    // machine) is given back to the budget rather than counted as wrong: each one may let one
    // more attempt through before the limit. Quietly, that is none: exactly 30, then refusals.
    const unchecked = bogus.length - wrong - limited;
    expect(unchecked, `outcomes: ${outcomes.join(", ")}`).toBeLessThanOrEqual(3);
    expect(Math.abs(wrong - 30), `outcomes: ${outcomes.join(", ")}`).toBeLessThanOrEqual(unchecked);
    const token = await tokenFor(owner.id);
    const fromThere = open(scope.server.url, document.id, { token, headers: from("198.51.100.4") });
    await until(() => fromThere.authFailure !== undefined, "refused");
    expect(fromThere.authFailure).toBe("rate-limited");
    await synced(open(scope.server.url, document.id, { token, headers: from("198.51.100.5") }));
  });

  it("throttles an address that keeps presenting wrong API tokens (429 with Retry-After)", async () => {
    const token = await tokenFor((await createGroup()).owner.id);
    const statuses: number[] = [];
    for (let i = 0; i < 35; i++) statuses.push((await call(me.GET, { token: `mgn_bogus${i}`, headers: viaServer("198.51.100.6") })).status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(30);
    expect(statuses.filter((s) => s === 429)).toHaveLength(5);
    const blocked = await call(me.GET, { token, headers: viaServer("198.51.100.6") });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect((await call(me.GET, { token, headers: viaServer("198.51.100.7") })).status).toBe(200);
  });

  it("rate-limits sign-up per address: 10 accounts an hour, then a clear error and no account", async () => {
    request.headers = new Headers({ host: "marginalia.test", "x-forwarded-for": "198.51.100.8" });
    const results: { error?: string; email: string }[] = [];
    for (let i = 0; i < 12; i++) {
      const email = `signup-${i}-${unique()}@example.test`;
      const form = new FormData();
      form.set("name", `Newcomer ${i}`);
      form.set("email", email);
      form.set("password", "a long enough password");
      results.push({ ...(await signUpAction({}, form)), email });
    }
    expect(results.slice(0, 10).every((r) => r.error === undefined)).toBe(true);
    expect(results.slice(10).map((r) => r.error)).toEqual([expect.stringMatching(/Too many attempts/), expect.stringMatching(/Too many attempts/)]);
    expect(await db().user.count({ where: { email: { in: results.slice(10).map((r) => r.email) } } })).toBe(0);
    request.headers = new Headers({ host: "marginalia.test", "x-forwarded-for": "198.51.100.9" });
    const form = new FormData();
    form.set("name", "Elsewhere");
    form.set("email", `signup-elsewhere-${unique()}@example.test`);
    form.set("password", "a long enough password");
    expect((await signUpAction({}, form)).error).toBeUndefined();
  });
});
