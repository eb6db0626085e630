import { describe, expect, it } from "vitest";
import * as tokens from "@/app/api/v1/tokens/route";
import { createUser, FACTORY_PASSWORD } from "../factories";
import { call } from "../integration/http";

// Finding 5: five wrong passwords from five addresses locked the account for 15 minutes, even for
// its owner's right password from their own address.
let next = 0;
const address = () => `10.55.${Math.floor(next / 250)}.${(next++ % 250) + 1}`;
const signIn = (email: string, password: string, from: string) =>
  call(tokens.POST, { method: "POST", path: "/api/v1/tokens", json: { email, password, label: "lockout" }, headers: { "x-forwarded-for": from } });

describe("sign-in throttling cannot lock an account's owner out", () => {
  it("lets the owner in after wrong passwords from five other addresses", async () => {
    const owner = await createUser();
    const attackers = Array.from({ length: 5 }, address);
    for (const from of attackers) expect((await signIn(owner.email, "not the password", from)).status).toBe(401);
    expect((await signIn(owner.email, FACTORY_PASSWORD, address())).status).toBe(201);
    // Each of those addresses tried once: even they are not held back.
    expect((await signIn(owner.email, FACTORY_PASSWORD, attackers[0])).status).toBe(201);
  });

  it("slows one address guessing one account with growing delays, while the owner signs in elsewhere", async () => {
    const owner = await createUser();
    const attacker = address();
    for (let i = 0; i < 3; i++) expect((await signIn(owner.email, `guess ${i}`, attacker)).status).toBe(401);
    const first = await signIn(owner.email, "guess 3", attacker);
    expect(first.status).toBe(429);
    expect(first.data.error.code).toBe("rate_limited");
    const firstWait = Number(first.headers.get("retry-after"));
    expect(firstWait).toBeGreaterThanOrEqual(1);
    // Even the right password waits out the delay from this address.
    expect((await signIn(owner.email, FACTORY_PASSWORD, attacker)).status).toBe(429);
    await new Promise((r) => setTimeout(r, firstWait * 1000 + 100));
    expect((await signIn(owner.email, "guess 4", attacker)).status).toBe(401);
    const second = await signIn(owner.email, "guess 5", attacker);
    expect(second.status).toBe(429);
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(firstWait);
    expect((await signIn(owner.email, FACTORY_PASSWORD, address())).status).toBe(201);
  });

  it("keeps the per-address limit: 20 failures across accounts stop that address, not others", async () => {
    const from = address();
    for (let i = 0; i < 20; i++) expect((await signIn(`nobody-${i}-${from}@example.test`, "wrong", from)).status).toBe(401);
    const someone = await createUser();
    expect((await signIn(someone.email, FACTORY_PASSWORD, from)).status).toBe(429);
    expect((await signIn(someone.email, FACTORY_PASSWORD, address())).status).toBe(201);
  });
});
