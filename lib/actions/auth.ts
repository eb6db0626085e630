"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import createUser from "@/lib/commands/create-user";
import { ConflictError } from "@/lib/errors";
import { signIn, signOut } from "@/lib/auth/config";
import { sessionFromCookieHeader } from "@/lib/auth/session-token";
import { revokeSession } from "@/lib/commands/sessions";
import { assertSignInAllowed, assertSignUpAllowed, recordSignUp } from "@/lib/auth/rate-limit";
import { clientAddress } from "@/lib/http/client-address";
import { isDatabaseOutage } from "@/lib/health/dependency";
import { formError, formValues, UNAVAILABLE_MESSAGE, type FormState } from "@/lib/http/action";

const safeRedirect = (value: FormDataEntryValue | null) => {
  const target = typeof value === "string" ? value : "";
  return target.startsWith("/") && !target.startsWith("//") ? target : "/groups";
};

/** Sign-in form: rate-limited per account and address before next-auth checks the password. */
export async function signInAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["email"]);
  try {
    await assertSignInAllowed({ email: values.email, address: clientAddress(await headers()) });
    await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: safeRedirect(form.get("callbackUrl")) });
    return { ok: true };
  } catch (error) {
    // next-auth reports a database it could not reach as a failed sign-in; it is not the password.
    if (isDatabaseOutage(error, "sign-in")) return { error: UNAVAILABLE_MESSAGE, values };
    if (error instanceof AuthError) {
      const code = (error as AuthError & { code?: string }).code;
      return {
        error: code === "rate_limited" ? "Too many failed attempts. Wait a moment, then try again." : "Wrong email or password.",
        values,
      };
    }
    return formError(error, values);
  }
}

/** What sign-up says when it cannot create the account: the same whether or not the address has one. */
const SIGN_UP_REFUSED = "We could not create an account with this email and password. If the address is yours, try signing in.";

/**
 * Sign-up form: creates the account, then signs it in. An address that already has an account
 * is never named as such: with that account's own password it simply signs in (it is them);
 * otherwise the answer is a plain refusal, counted like a failed sign-in so probing addresses
 * runs into the same per-address limit as guessing passwords. Each address may create
 * SIGNUPS_PER_HOUR accounts an hour.
 */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["name", "email"]);
  const credentials = { email: form.get("email"), password: form.get("password"), redirectTo: safeRedirect(form.get("callbackUrl")) };
  try {
    const address = clientAddress(await headers());
    await assertSignUpAllowed(address);
    await createUser({ input: { name: form.get("name"), email: form.get("email"), password: form.get("password") } });
    await recordSignUp(address);
  } catch (error) {
    if (!(error instanceof ConflictError && error.code === "email_taken")) return formError(error, values);
    try {
      await signIn("credentials", credentials);
      return { ok: true };
    } catch (signInError) {
      if (isDatabaseOutage(signInError, "sign-in")) return { error: UNAVAILABLE_MESSAGE, values };
      if (!(signInError instanceof AuthError)) throw signInError;
      const limited = (signInError as AuthError & { code?: string }).code === "rate_limited";
      return { error: limited ? "Too many attempts. Wait a moment, then try again." : SIGN_UP_REFUSED, values };
    }
  }
  await signIn("credentials", credentials);
  return { ok: true };
}

/**
 * Header menu: ends the session. Its row is deleted before next-auth clears the cookie: next-auth
 * swallows a failed delete and clears the cookie anyway, which while the database is away would
 * leave a session that still works behind a browser that looks signed out. Here the action fails
 * instead (the page says the service is temporarily unavailable) and the reader stays signed in.
 */
export async function signOutAction() {
  const session = await sessionFromCookieHeader((await headers()).get("cookie"));
  if (session) await revokeSession(session.sessionId);
  await signOut({ redirectTo: "/" });
}

/** OAuth buttons on the sign-in page. */
export async function oauthSignInAction(form: FormData) {
  const provider = String(form.get("provider") ?? "");
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeRedirect(form.get("callbackUrl")) });
}
