"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useOptimistic, useState, useTransition } from "react";
import { AtSign, Check, CheckCheck, Clock, Flag, Highlighter, MessageSquareReply } from "lucide-react";
import { markNotificationsReadAction } from "@/lib/actions/moderation";
import type { PresentedNotification } from "@/lib/presenters/moderation";
import { cn } from "@/lib/utils";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { StatusBadge } from "@/components/moderation/status-badge";
import { When } from "@/components/moderation/when";

function headline(n: PresentedNotification) {
  const what = n.annotation?.isReply ? "reply" : "note";
  const who = n.actor?.name ?? "Someone";
  switch (n.kind) {
    case "flag":
      return `A ${what} was flagged`;
    case "pending":
      return `${who} posted a ${what} that waits for approval`;
    case "reply":
      return `${who} replied in your thread`;
    case "mention":
      return `${who} mentioned you`;
    default:
      return `${who} annotated a text you follow`;
  }
}

const KIND_STYLE: Record<string, { icon: typeof Flag; tint: string }> = {
  flag: { icon: Flag, tint: "bg-destructive/10 text-destructive" },
  pending: { icon: Clock, tint: "bg-warning/10 text-warning" },
  reply: { icon: MessageSquareReply, tint: "bg-accent text-accent-foreground" },
  mention: { icon: AtSign, tint: "bg-accent text-accent-foreground" },
  activity: { icon: Highlighter, tint: "bg-muted text-muted-foreground" },
};

/** The inbox: newest first, unread marked, each entry leading to the queue where it is decided. */
function InboxList({ items, unreadCount }: { items: PresentedNotification[]; unreadCount: number }) {
  const router = useRouter();
  const [error, setError] = useState<string | undefined>();
  const [, startTransition] = useTransition();
  const [read, markLocally] = useOptimistic(new Set<string>(), (state, ids: string[]) => new Set([...state, ...ids]));
  const isUnread = (n: PresentedNotification) => !n.readAt && !read.has(n.id);
  const remaining = Math.max(0, unreadCount - items.filter((i) => !i.readAt && read.has(i.id)).length);

  const mark = (ids: string[] | "all", then?: () => void) =>
    startTransition(async () => {
      markLocally(ids === "all" ? items.map((i) => i.id) : ids);
      const state = await markNotificationsReadAction(ids);
      setError(state.error);
      if (!state.error) then?.();
    });

  return (
    <div className="flex flex-col gap-4">
      <div className="flex items-center justify-between gap-3">
        <p className="text-sm text-muted-foreground" aria-live="polite">
          {remaining > 0 ? `${remaining} unread` : "All caught up"}
        </p>
        <Button type="button" variant="outline" size="sm" disabled={remaining === 0} onClick={() => mark("all")}>
          <CheckCheck aria-hidden="true" />
          Mark all read
        </Button>
      </div>
      <FormError message={error} />
      <ol className="divide-y overflow-hidden rounded-xl border bg-card shadow-xs">
        {items.map((n) => {
          const fresh = isUnread(n);
          const { icon: Icon, tint } = KIND_STYLE[n.kind] ?? KIND_STYLE.activity;
          return (
            <li key={n.id} className={cn("relative flex gap-3 px-4 py-4 sm:px-5", fresh && "bg-accent/35")} data-unread={fresh || undefined}>
              <span
                aria-hidden="true"
                className={cn("mt-0.5 flex size-8 shrink-0 items-center justify-center rounded-full [&_svg]:size-4", tint)}
              >
                <Icon />
              </span>
              <div className="flex min-w-0 flex-1 flex-col gap-1.5">
                <div className="flex flex-wrap items-center gap-x-2 gap-y-1">
                  {fresh ? <span className="size-2 rounded-full bg-primary" aria-label="Unread" role="img" /> : null}
                  <Link
                    href={n.url}
                    onClick={(event) => {
                      if (!fresh || event.metaKey || event.ctrlKey) return;
                      event.preventDefault();
                      mark([n.id], () => router.push(n.url));
                    }}
                    className={cn("text-[0.9375rem] underline-offset-4 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring", fresh ? "font-semibold" : "font-medium")}
                  >
                    {headline(n)}
                  </Link>
                  {n.annotation && (n.kind === "flag" || n.kind === "pending" || n.annotation.status !== "approved") ? <StatusBadge status={n.annotation.status} /> : null}
                </div>
                {n.annotation?.excerpt ? <p className="line-clamp-2 text-sm text-foreground/85">{n.annotation.excerpt}</p> : null}
                <p className="text-xs text-muted-foreground">
                  {n.annotation ? <>in <span className="font-medium text-foreground/80">{n.annotation.documentTitle}</span> · </> : null}
                  {n.group.name} · <When iso={n.at} />
                </p>
              </div>
              {fresh ? (
                <Button type="button" variant="ghost" size="icon-sm" aria-label={`Mark read: ${headline(n)}`} title="Mark read" onClick={() => mark([n.id])} className="shrink-0 self-center">
                  <Check aria-hidden="true" />
                </Button>
              ) : null}
            </li>
          );
        })}
      </ol>
    </div>
  );
}

export { InboxList };
