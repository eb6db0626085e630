import { describe, expect, it } from "vitest";
import { NextRequest } from "next/server";
import * as nextAuthRoute from "@/app/api/auth/[...nextauth]/route";
import authenticateUser from "@/lib/commands/authenticate-user";
import createUser from "@/lib/commands/create-user";
import { recordSignInFailure } from "@/lib/auth/rate-limit";
import { ConflictError, RateLimitedError, ValidationError } from "@/lib/errors";
import { db } from "@/lib/db";
import { createUser as makeUser, FACTORY_PASSWORD, unique } from "../../factories";

const address = () => `10.77.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;

describe("sign-up", () => {
  it("stores an argon2id hash, never the password", async () => {
    const email = `signup-${unique()}@example.test`;
    const user = await createUser({ input: { name: "Ines", email: email.toUpperCase(), password: "a long enough password" } });
    const row = await db().user.findUniqueOrThrow({ where: { id: user.id } });
    expect(row.email).toBe(email);
    expect(row.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(JSON.stringify(row)).not.toContain("a long enough password");
  });

  it("refuses a taken email with 409 and a short password with 400, creating nothing", async () => {
    const existing = await makeUser();
    await expect(createUser({ input: { name: "Again", email: existing.email, password: "a long enough password" } })).rejects.toBeInstanceOf(ConflictError);
    const email = `short-${unique()}@example.test`;
    await expect(createUser({ input: { name: "Short", email, password: "short" } })).rejects.toBeInstanceOf(ValidationError);
    expect(await db().user.count({ where: { email } })).toBe(0);
  });
});

describe("sign-in rate limiting", () => {
  it("delays one account's attempts from one address after 3 failures; other addresses and accounts go on", async () => {
    const user = await makeUser();
    const from = address();
    for (let i = 0; i < 3; i++) expect(await authenticateUser({ email: user.email, password: "wrong", address: from })).toBeNull();
    await expect(authenticateUser({ email: user.email, password: FACTORY_PASSWORD, address: from })).rejects.toBeInstanceOf(RateLimitedError);
    expect((await authenticateUser({ email: user.email, password: FACTORY_PASSWORD, address: address() }))?.id).toBe(user.id);
    const other = await makeUser();
    expect((await authenticateUser({ email: other.email, password: FACTORY_PASSWORD, address: from }))?.id).toBe(other.id);
  });

  it("answers the browser's credentials callback with 429 once limited", async () => {
    const user = await makeUser();
    const from = address();
    for (let i = 0; i < 5; i++) await recordSignInFailure({ email: user.email, address: from });
    const request = new NextRequest("http://marginalia.test/api/auth/callback/credentials", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded", "x-forwarded-for": from },
      body: new URLSearchParams({ email: user.email, password: FACTORY_PASSWORD, csrfToken: "x" }).toString(),
    });
    const response = await nextAuthRoute.POST(request);
    expect(response.status).toBe(429);
    expect((await response.json()).error.code).toBe("rate_limited");
  });
});
