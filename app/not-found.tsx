import type { Metadata } from "next";
import { signOutAction } from "@/lib/actions/auth";
import { currentUser } from "@/lib/auth/current-user";
import { SiteHeader } from "@/components/layout/site-header";
import { NotFoundMessage } from "./(app)/_components/not-found-message";

export const metadata: Metadata = { title: "Page not found" };

/** 404 for URLs that match no page; pages under app/(app) use app/(app)/not-found.tsx, which looks the same. */
export default async function NotFound() {
  const user = await currentUser().catch(() => null);
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader
        user={user ? { name: user.name, email: user.email } : null}
        signOutAction={user ? signOutAction : undefined}
        nav={user ? [{ href: "/groups", label: "Groups" }] : []}
      />
      <main id="main" tabIndex={-1} className="outline-none flex flex-1 flex-col">
        <NotFoundMessage signedIn={user !== null} />
      </main>
    </div>
  );
}
