"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cn } from "@/lib/utils";

type GroupNavProps = {
  groupId: string;
  /** Items waiting for a decision; shown on the Moderation tab to those who moderate. */
  moderation?: { open: number } | null;
  className?: string;
};

/** A group's sections: its documents, and for moderators the queue (with a count badge), the log and engagement. */
function GroupNav({ groupId, moderation, className }: GroupNavProps) {
  const pathname = usePathname() ?? "";
  const base = `/groups/${groupId}`;
  const items = [
    { href: base, label: "Documents", active: pathname === base },
    ...(moderation
      ? [
          { href: `${base}/moderation`, label: "Moderation", badge: moderation.open, active: pathname === `${base}/moderation` },
          { href: `${base}/moderation/log`, label: "Log", active: pathname.startsWith(`${base}/moderation/log`) },
          { href: `${base}/engagement`, label: "Engagement", active: pathname.startsWith(`${base}/engagement`) },
        ]
      : []),
  ];
  return (
    <nav aria-label="Group" className={cn("mb-6 border-b", className)}>
      <ul className="-mb-px flex items-center gap-1 overflow-x-auto">
        {items.map((item) => (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={item.active ? "page" : undefined}
              className={cn(
                "inline-flex h-10 items-center gap-2 border-b-2 border-transparent px-3 text-sm font-medium whitespace-nowrap text-muted-foreground transition-colors outline-none hover:text-foreground focus-visible:rounded-sm focus-visible:ring-2 focus-visible:ring-ring",
                item.active && "border-primary text-foreground",
              )}
            >
              {item.label}
              {"badge" in item && item.badge ? (
                <span className="inline-flex h-5 min-w-5 items-center justify-center rounded-full bg-primary px-1.5 text-[0.6875rem] leading-none font-semibold text-primary-foreground tabular-nums">
                  <span aria-hidden="true">{item.badge > 99 ? "99+" : item.badge}</span>
                  <span className="sr-only">({item.badge} waiting)</span>
                </span>
              ) : null}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export { GroupNav, type GroupNavProps };
