import Link from "next/link";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { Wordmark } from "@/components/layout/logo";
import { ThemeToggle } from "@/components/theme/theme-toggle";

/** Sign-in and sign-up: a quiet, centred page; signed-in visitors go straight to their groups. */
export default async function AuthLayout({ children }: { children: React.ReactNode }) {
  if (await currentUser()) redirect("/groups");
  return (
    <div className="flex min-h-dvh flex-col bg-[radial-gradient(ellipse_at_top,var(--muted),transparent_60%)]">
      <header className="mx-auto flex h-header w-full max-w-page items-center justify-between px-4 sm:px-6 lg:px-8">
        <Link href="/" className="-ml-1 rounded-md px-1 py-1 outline-none focus-visible:ring-2 focus-visible:ring-ring">
          <Wordmark />
          <span className="sr-only">, home</span>
        </Link>
        <ThemeToggle />
      </header>
      <main id="main" tabIndex={-1} className="outline-none flex flex-1 items-start justify-center px-4 pt-6 pb-16 sm:items-center sm:pt-10">
        {children}
      </main>
    </div>
  );
}
