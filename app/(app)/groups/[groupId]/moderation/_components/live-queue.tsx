"use client";

import { useRouter } from "next/navigation";
import { useCallback, useRef, useState, useTransition } from "react";
import { Clock, Loader, RefreshCw, type LucideIcon } from "lucide-react";
import { Badge, type BadgeProps } from "@/components/ui/badge";
import { cn } from "@/lib/utils";
import { useQueueEvents, type LiveStatus, type QueueCounts } from "@/components/moderation/use-queue-events";

const look: Record<LiveStatus, { label: string; title: string; variant: BadgeProps["variant"]; icon: LucideIcon | null; spin?: boolean }> = {
  connecting: { label: "Connecting…", title: "Connecting to live updates", variant: "outline", icon: Loader, spin: true },
  live: { label: "Live", title: "New posts and flags appear here as they arrive", variant: "outline", icon: null },
  reconnecting: { label: "Reconnecting…", title: "Live updates were interrupted; trying again", variant: "warning", icon: RefreshCw, spin: true },
  polling: { label: "Every 15 s", title: "Live updates are unavailable; checking the queue every 15 seconds", variant: "outline", icon: Clock },
};

const plural = (n: number) => `${n} new item${n === 1 ? "" : "s"}`;

/**
 * Keeps the queue page current: on each change it re-renders the page on the server (the list
 * for the current filter, the tab and navigation counts) without remounting the queue, so the
 * keyboard focus and a half-made selection survive. Announces arrivals politely.
 */
export function LiveQueue({ groupId, counts }: { groupId: string; counts: QueueCounts }) {
  const router = useRouter();
  const [, startTransition] = useTransition();
  const [announcement, setAnnouncement] = useState("");
  // The latest counts we know of: from the page at first, then from each event or poll.
  const known = useRef(counts);

  const onCounts = useCallback(
    (next: QueueCounts, changed: boolean) => {
      const before = known.current;
      known.current = next;
      const arrived = next.open - before.open;
      const differs = (Object.keys(next) as (keyof QueueCounts)[]).some((k) => next[k] !== before[k]);
      if (arrived > 0) {
        // A trailing no-break space alternates so the same words are announced again.
        setAnnouncement((prev) => `${plural(arrived)} in the queue${prev.endsWith("\u00a0") ? "" : "\u00a0"}`);
      }
      if (changed || differs) startTransition(() => router.refresh());
    },
    [router],
  );

  const status = useQueueEvents(groupId, onCounts);
  const { label, title, variant, icon: Icon, spin } = look[status];

  return (
    <>
      <Badge variant={variant} title={title} data-live={status} className="h-6 min-w-[5.5rem] justify-center bg-background/60">
        {Icon ? (
          <Icon aria-hidden="true" className={cn(spin && "motion-safe:animate-[spin_2.4s_linear_infinite]")} />
        ) : (
          <span aria-hidden="true" className="size-1.5 rounded-full bg-success motion-safe:animate-pulse" />
        )}
        <span>{label}</span>
        <span className="sr-only">: {title}</span>
      </Badge>
      <p className="sr-only" role="status" aria-live="polite" data-testid="queue-announcement">
        {announcement}
      </p>
    </>
  );
}
