import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { signOutAction } from "@/lib/actions/auth";
import { SiteHeader } from "@/components/layout/site-header";

const nav = [{ href: "/groups", label: "Groups" }];

/** Everything behind sign-in: the header with the account menu, then the page. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  return (
    <div className="flex min-h-dvh flex-col">
      <SiteHeader user={{ name: user.name, email: user.email }} signOutAction={signOutAction} nav={nav} />
      <main id="main" tabIndex={-1} className="outline-none flex flex-1 flex-col">
        {children}
      </main>
    </div>
  );
}
