import { describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import * as token from "@/app/api/v1/tokens/[tokenId]/route";
import * as me from "@/app/api/v1/me/route";
import { db } from "@/lib/db";
import { hashApiToken } from "@/lib/auth/api-tokens";
import { createUser, FACTORY_PASSWORD, unique } from "../../factories";
import { call } from "../http";

// Each test uses its own client address so the per-address limit of one test never trips another.
const from = () => ({ "x-forwarded-for": `10.9.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}` });

describe("POST /api/v1/tokens", () => {
  it("exchanges credentials for a token that authenticates, storing only its digest", async () => {
    const user = await createUser();
    const res = await call(tokens.POST, { method: "POST", headers: from(), json: { email: user.email.toUpperCase(), password: FACTORY_PASSWORD, label: "script" } });
    expect(res.status).toBe(201);
    expect(res.data.token).toMatch(/^mgn_[A-Za-z0-9_-]{43}$/);
    expect(res.headers.get("location")).toContain(`/api/v1/tokens/${res.data.id}`);
    const row = await db().apiToken.findUniqueOrThrow({ where: { id: res.data.id } });
    expect(row.tokenHash).toBe(hashApiToken(res.data.token));
    expect(JSON.stringify(row)).not.toContain(res.data.token);
    const who = await call(me.GET, { token: res.data.token });
    expect(who.data.id).toBe(user.id);
  });

  it("answers 401 for a wrong password or unknown email, the same way", async () => {
    const user = await createUser();
    const wrong = await call(tokens.POST, { method: "POST", headers: from(), json: { email: user.email, password: "not the password" } });
    const unknown = await call(tokens.POST, { method: "POST", headers: from(), json: { email: `nobody-${unique()}@example.test`, password: "whatever" } });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.data).toEqual(unknown.data);
  });

  it("delays an account's attempts from one address after 3 failures, even with the right password then; not from elsewhere", async () => {
    const user = await createUser();
    const address = from();
    for (let i = 0; i < 3; i++) {
      const res = await call(tokens.POST, { method: "POST", headers: address, json: { email: user.email, password: `guess ${i}` } });
      expect(res.status).toBe(401);
    }
    const blocked = await call(tokens.POST, { method: "POST", headers: address, json: { email: user.email, password: FACTORY_PASSWORD } });
    expect(blocked.status).toBe(429);
    expect(blocked.data.error.code).toBe("rate_limited");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    const elsewhere = await call(tokens.POST, { method: "POST", headers: from(), json: { email: user.email, password: FACTORY_PASSWORD } });
    expect(elsewhere.status).toBe(201);
  });

  it("rate-limits an address after 20 failures across accounts", async () => {
    const address = from();
    for (let i = 0; i < 20; i++) {
      const res = await call(tokens.POST, { method: "POST", headers: address, json: { email: `spray-${unique()}@example.test`, password: "x" } });
      expect(res.status).toBe(401);
    }
    const user = await createUser();
    const blocked = await call(tokens.POST, { method: "POST", headers: address, json: { email: user.email, password: FACTORY_PASSWORD } });
    expect(blocked.status).toBe(429);
    const elsewhere = await call(tokens.POST, { method: "POST", headers: from(), json: { email: user.email, password: FACTORY_PASSWORD } });
    expect(elsewhere.status).toBe(201);
  });

  it("rejects malformed bodies with 400", async () => {
    expect((await call(tokens.POST, { method: "POST", headers: from(), body: "email=a" })).status).toBe(400);
    expect((await call(tokens.POST, { method: "POST", headers: from(), json: { email: "not-an-email", password: "x" } })).status).toBe(400);
    expect((await call(tokens.POST, { method: "POST", headers: from(), json: { email: "a@b.test" } })).status).toBe(400);
  });

  it("revokes a token so it stops working; another user's token is 404", async () => {
    const user = await createUser();
    const other = await createUser();
    const issued = await call(tokens.POST, { method: "POST", headers: from(), json: { email: user.email, password: FACTORY_PASSWORD } });
    const otherIssued = await call(tokens.POST, { method: "POST", headers: from(), json: { email: other.email, password: FACTORY_PASSWORD } });
    const foreign = await call(token.DELETE, { method: "DELETE", token: issued.data.token, params: { tokenId: otherIssued.data.id } });
    expect(foreign.status).toBe(404);
    const revoked = await call(token.DELETE, { method: "DELETE", token: issued.data.token, params: { tokenId: issued.data.id } });
    expect(revoked.status).toBe(204);
    expect((await call(me.GET, { token: issued.data.token })).status).toBe(401);
    expect((await call(me.GET, { token: otherIssued.data.token })).status).toBe(200);
  });
});
