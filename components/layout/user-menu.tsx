"use client";

import Link from "next/link";
import { ChevronDown, KeyRound, LogOut } from "lucide-react";
import { Avatar } from "@/components/ui/avatar";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";

type UserMenuProps = {
  user: { name: string; email: string };
  signOutAction?: () => Promise<void>;
};

function UserMenu({ user, signOutAction }: UserMenuProps) {
  const displayName = user.name || user.email;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="inline-flex h-9 cursor-pointer items-center gap-2 rounded-full py-1 pr-1 pl-1 text-sm font-medium text-foreground transition-colors outline-none hover:bg-muted focus-visible:ring-2 focus-visible:ring-ring data-[state=open]:bg-muted sm:pr-2.5"
      >
        <Avatar name={displayName} seed={user.email} size="sm" decorative className="ring-0" />
        {/* Named by its text, the name shown on wide screens: "Account menu for Ada Lovelace". */}
        <span className="sr-only">Account menu for </span>
        <span className="sr-only lg:not-sr-only lg:max-w-36 lg:truncate">{displayName}</span>
        <ChevronDown aria-hidden="true" className="hidden size-3.5 text-muted-foreground sm:block" />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="flex items-center gap-3 py-2 font-normal">
          <Avatar name={displayName} seed={user.email} size="lg" decorative className="ring-0" />
          <span className="flex min-w-0 flex-col">
            <span className="truncate font-medium">{displayName}</span>
            <span className="truncate text-xs text-muted-foreground">{user.email}</span>
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem asChild>
          <Link href="/settings">
            <KeyRound aria-hidden="true" />
            Settings &amp; API tokens
          </Link>
        </DropdownMenuItem>
        {signOutAction ? (
          <>
            <DropdownMenuSeparator />
            <form action={signOutAction}>
              <DropdownMenuItem asChild onSelect={(event) => event.preventDefault()}>
                <button type="submit">
                  <LogOut aria-hidden="true" />
                  Sign out
                </button>
              </DropdownMenuItem>
            </form>
          </>
        ) : null}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { UserMenu, type UserMenuProps };
