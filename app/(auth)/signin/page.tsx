import type { Metadata } from "next";
import Link from "next/link";
import { oauthProviders } from "@/lib/env";
import { findInviteForCallback } from "@/lib/queries/invites";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignInForm } from "@/components/auth/sign-in-form";
import { param, safeCallbackUrl, withCallback, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Sign in" };

/** next-auth sends failed OAuth and credential sign-ins back here with ?error=<code>. */
const AUTH_ERRORS: Record<string, string> = {
  CredentialsSignin: "Wrong email or password.",
  OAuthSignin: "We couldn't start signing in with that provider. Try again in a moment.",
  OAuthCallbackError: "The provider didn't complete the sign-in. Try again, or use your email and password.",
  OAuthAccountNotLinked: "This email already belongs to an account. Sign in with your password first.",
  AccessDenied: "That sign-in was declined.",
  Configuration: "Sign-in is not configured correctly on this server. Tell the person who runs it.",
  Verification: "That sign-in link has expired or was already used.",
};

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(param(params, "callbackUrl"));
  // Arriving from an invitation link: say which group they are about to join.
  const invite = await findInviteForCallback(callbackUrl);
  const errorCode = param(params, "error");
  const initialError = errorCode ? (AUTH_ERRORS[errorCode] ?? "We couldn't sign you in. Try again.") : undefined;

  return (
    <AuthCard
      title="Welcome back"
      description={invite ? `Sign in to join ${invite.groupName}.` : "Sign in to return to your reading groups."}
      footer={
        <>
          New to Marginalia?{" "}
          <Link
            href={withCallback("/signup", callbackUrl)}
            className="rounded-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            Create an account
          </Link>
        </>
      }
    >
      <div className="grid gap-6">
        <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} />
        <SignInForm callbackUrl={callbackUrl} initialError={initialError} />
      </div>
    </AuthCard>
  );
}
