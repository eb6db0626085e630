import { signOutAction } from "@/lib/actions/auth";
import { currentUser } from "@/lib/auth/current-user";
import { SiteHeader } from "@/components/layout/site-header";

/** Invitation pages work signed in and signed out: the ordinary header, a quiet centred body. */
export default async function InviteLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--muted),transparent_60%)]">
      <SiteHeader
        user={user ? { name: user.name, email: user.email } : null}
        signOutAction={user ? signOutAction : undefined}
        nav={user ? [{ href: "/groups", label: "Groups" }] : []}
        className="bg-transparent supports-[backdrop-filter]:bg-transparent border-transparent"
      />
      <main id="main" tabIndex={-1} className="outline-none flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-10">
        {children}
      </main>
    </div>
  );
}
