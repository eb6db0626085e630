import type { Metadata } from "next";
import Link from "next/link";
import { MIN_PASSWORD_LENGTH } from "@/lib/auth/password";
import { oauthProviders } from "@/lib/env";
import { findInviteForCallback } from "@/lib/queries/invites";
import { AuthCard } from "@/components/auth/auth-card";
import { OAuthButtons } from "@/components/auth/oauth-buttons";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { param, safeCallbackUrl, withCallback, type SearchParams } from "@/components/auth/search-params";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(param(params, "callbackUrl"));
  // Arriving from an invitation link: say which group they are about to join.
  const invite = await findInviteForCallback(callbackUrl);

  return (
    <AuthCard
      title="Create your account"
      description={invite ? `${invite.inviterName} invited you to ${invite.groupName}. Create an account, then join.` : "Start a reading group, or join the one that invited you."}
      footer={
        <>
          Already have an account?{" "}
          <Link
            href={withCallback("/signin", callbackUrl)}
            className="rounded-sm font-medium text-primary underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            Sign in
          </Link>
        </>
      }
    >
      <div className="grid gap-6">
        <OAuthButtons providers={oauthProviders()} callbackUrl={callbackUrl} verb="Sign up" />
        <SignUpForm callbackUrl={callbackUrl} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </div>
    </AuthCard>
  );
}
