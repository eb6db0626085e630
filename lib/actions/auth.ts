"use server";

import { AuthError } from "next-auth";
import { headers } from "next/headers";
import createUser from "@/lib/commands/create-user";
import { signIn, signOut } from "@/lib/auth/config";
import { assertSignInAllowed } from "@/lib/auth/rate-limit";
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

/** Sign-up form: creates the account, then signs it in. */
export async function signUpAction(_prev: FormState, form: FormData): Promise<FormState> {
  const values = formValues(form, ["name", "email"]);
  try {
    await createUser({ input: { name: form.get("name"), email: form.get("email"), password: form.get("password") } });
  } catch (error) {
    return formError(error, values);
  }
  await signIn("credentials", { email: form.get("email"), password: form.get("password"), redirectTo: safeRedirect(form.get("callbackUrl")) });
  return { ok: true };
}

/** Header menu: ends the session. */
export async function signOutAction() {
  await signOut({ redirectTo: "/" });
}

/** OAuth buttons on the sign-in page. */
export async function oauthSignInAction(form: FormData) {
  const provider = String(form.get("provider") ?? "");
  if (provider !== "github" && provider !== "google") return;
  await signIn(provider, { redirectTo: safeRedirect(form.get("callbackUrl")) });
}
