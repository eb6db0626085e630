import { describe, expect, it, vi } from "vitest";

// Seams, as in the authorization matrix: no Next request outside Next, so the request headers are
// stubbed and next-auth's signIn runs the credentials check our config runs (the real
// authenticateUser, with its rate limits) and then "redirects" the way Next does, by throwing.
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<object>()), headers: async () => new Headers({ host: "marginalia.test" }) }));
vi.mock("@/lib/auth/config", async (importOriginal) => {
  const { CredentialsSignin } = await import("next-auth");
  const { RateLimitedError } = await import("@/lib/errors");
  const authenticateUser = (await import("@/lib/commands/authenticate-user")).default;
  class InvalidCredentials extends CredentialsSignin {
    code = "invalid_credentials";
  }
  class TooManyAttempts extends CredentialsSignin {
    code = "rate_limited";
  }
  return {
    ...(await importOriginal<object>()),
    signIn: async (_provider: string, options: { email: string; password: string; redirectTo: string }) => {
      let user;
      try {
        user = await authenticateUser({ email: String(options.email), password: String(options.password), address: "203.0.113.7" });
      } catch (error) {
        if (error instanceof RateLimitedError) throw new TooManyAttempts();
        throw error;
      }
      if (!user) throw new InvalidCredentials();
      throw Object.assign(new Error("NEXT_REDIRECT"), { digest: `NEXT_REDIRECT;replace;${options.redirectTo};307;`, signedInAs: user.id });
    },
  };
});

import { signUpAction } from "@/lib/actions/auth";
import { db } from "@/lib/db";
import { createUser, FACTORY_PASSWORD, unique } from "../factories";

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
};
/** The form's answer, or where it redirected and as whom. */
async function signUp(email: string, password: string) {
  try {
    return { state: await signUpAction({}, form({ name: "Prober", email, password })) };
  } catch (error) {
    return { redirected: (error as { digest?: string }).digest?.split(";")[2], as: (error as { signedInAs?: string }).signedInAs };
  }
}

describe("sign-up does not reveal which emails have an account", () => {
  it("a taken email with another password gets a refusal that names no account; with its own password it just signs in", async () => {
    const existing = await createUser();
    const probe = await signUp(existing.email, "some other long password");
    expect(probe.state?.error).toBeDefined();
    expect(probe.state?.error).not.toMatch(/exist|already|taken|registered|in use/i);
    expect(probe.state?.fields).toBeUndefined();
    expect((await db().user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe(existing.name);

    expect(await signUp(existing.email, FACTORY_PASSWORD)).toEqual({ redirected: "/groups", as: existing.id });

    const email = `newcomer-${unique()}@example.test`;
    const fresh = await signUp(email, "a fresh long password");
    expect(fresh.redirected).toBe("/groups");
    expect(fresh.as).toBe((await db().user.findUniqueOrThrow({ where: { email } })).id);
  });

  it("probing many taken emails from one address runs into the sign-in limit", async () => {
    const answers: string[] = [];
    for (let i = 0; i < 22; i++) {
      const someone = await createUser();
      answers.push((await signUp(someone.email, "not their password at all")).state?.error ?? "");
    }
    expect(answers.at(-1)).toMatch(/too many/i);
    expect(answers.some((a) => /exist|already/i.test(a))).toBe(false);
  });
});
