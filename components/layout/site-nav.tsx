"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { Menu } from "lucide-react";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
} from "@/components/ui/dropdown-menu";
import type { NavItem } from "@/components/layout/nav-types";

function isActive(pathname: string, href: string) {
  if (href === "/") return pathname === "/";
  return pathname === href || pathname.startsWith(`${href}/`);
}

function NavCount({ value }: { value?: number }) {
  if (!value) return null;
  return (
    <span className="inline-flex h-4.5 min-w-4.5 items-center justify-center rounded-full bg-primary px-1 text-[0.6875rem] leading-none font-semibold text-primary-foreground tabular-nums">
      <span aria-hidden="true">{value > 99 ? "99+" : value}</span>
      <span className="sr-only">({value} new)</span>
    </span>
  );
}

function SiteNav({ items, className }: { items: NavItem[]; className?: string }) {
  const pathname = usePathname() ?? "";
  if (items.length === 0) return null;
  return (
    <nav aria-label="Main" className={className}>
      <ul className="flex items-center gap-1">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <li key={item.href}>
              <Link
                href={item.href}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "relative inline-flex h-9 items-center gap-1.5 rounded-md px-3 text-sm font-medium text-muted-foreground transition-colors outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
                  active && "text-foreground after:absolute after:inset-x-3 after:-bottom-[0.6875rem] after:h-0.5 after:rounded-full after:bg-primary",
                )}
              >
                {item.label}
                <NavCount value={item.badge} />
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function MobileNav({ items, className }: { items: NavItem[]; className?: string }) {
  const pathname = usePathname() ?? "";
  if (items.length === 0) return null;
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label="Open navigation menu" className={className}>
          <Menu aria-hidden="true" />
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" aria-label="Main navigation" className="w-[min(18rem,calc(100vw-2rem))]">
        {items.map((item) => {
          const active = isActive(pathname, item.href);
          return (
            <DropdownMenuItem key={item.href} asChild className={cn("py-2", active && "bg-accent/60 font-semibold")}>
              <Link href={item.href} aria-current={active ? "page" : undefined}>
                {item.label}
                <span className="ml-auto">
                  <NavCount value={item.badge} />
                </span>
              </Link>
            </DropdownMenuItem>
          );
        })}
      </DropdownMenuContent>
    </DropdownMenu>
  );
}

export { SiteNav, MobileNav };
