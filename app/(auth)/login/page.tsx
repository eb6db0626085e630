import { redirect } from "next/navigation";
import { param, safeCallbackUrl, withCallback, type SearchParams } from "@/components/auth/search-params";

/** /login is a common guess (and what the site header links to): send it to the sign-in page. */
export default async function LoginRedirect({ searchParams }: { searchParams: SearchParams }) {
  redirect(withCallback("/signin", safeCallbackUrl(param(await searchParams, "callbackUrl"))));
}
