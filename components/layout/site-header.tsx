import Link from "next/link";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { ThemeToggle } from "@/components/theme/theme-toggle";
import { Wordmark } from "@/components/layout/logo";
import { MobileNav, SiteNav } from "@/components/layout/site-nav";
import { UserMenu } from "@/components/layout/user-menu";
import { InboxLink } from "@/components/layout/inbox-link";
import { SkipLink } from "@/components/layout/skip-link";
import type { NavItem } from "@/components/layout/nav-types";

type SiteHeaderProps = {
  user: { name: string; email: string } | null;
  signOutAction?: () => Promise<void>;
  nav?: NavItem[];
  mainId?: string;
  className?: string;
};

function SiteHeader({ user, signOutAction, nav = [], mainId = "main", className }: SiteHeaderProps) {
  return (
    <header
      className={cn(
        "sticky top-0 z-40 border-b bg-background/85 backdrop-blur-md supports-[backdrop-filter]:bg-background/75",
        className,
      )}
    >
      <SkipLink mainId={mainId} />
      <div className="mx-auto flex h-header w-full max-w-page items-center gap-2 px-4 sm:px-6 lg:px-8">
        <Link
          href="/"
          className="-ml-1 mr-2 rounded-md px-1 py-1 outline-none focus-visible:ring-2 focus-visible:ring-ring sm:mr-4"
        >
          <Wordmark />
        </Link>
        <SiteNav items={nav} className="hidden md:block" />
        <div className="ml-auto flex items-center gap-1 sm:gap-2">
          {user ? <InboxLink /> : null}
          <ThemeToggle />
          {user ? (
            <UserMenu user={user} signOutAction={signOutAction} />
          ) : (
            <div className="flex items-center gap-1 sm:gap-2">
              <Button asChild variant="ghost" size="sm" className="px-2.5 sm:px-3">
                <Link href="/signin">Sign in</Link>
              </Button>
              <Button asChild size="sm" className="px-2.5 sm:px-3">
                <Link href="/signup">Sign up</Link>
              </Button>
            </div>
          )}
          <MobileNav items={nav} className="md:hidden" />
        </div>
      </div>
    </header>
  );
}

export { SiteHeader, type SiteHeaderProps };
