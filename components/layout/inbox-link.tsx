import Link from "next/link";
import { Bell } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { countUnreadNotifications, UNREAD_COUNT_CAP } from "@/lib/queries/notifications";
import { listInvitationsFor } from "@/lib/queries/invites";
import { cn } from "@/lib/utils";

/** The header's bell: a link to the inbox with the signed-in user's unread count. */
async function InboxLink({ className }: { className?: string }) {
  const user = await currentUser();
  if (!user) return null;
  // Invitations waiting for an answer count as unread until accepted or declined.
  const [notifications, invitations] = await Promise.all([countUnreadNotifications(user.id), listInvitationsFor(user)]);
  const unread = notifications + invitations.length;
  const label = unread ? `Inbox, ${unread >= UNREAD_COUNT_CAP ? `more than ${UNREAD_COUNT_CAP - 1}` : unread} unread` : "Inbox";
  return (
    <Link
      href="/inbox"
      aria-label={label}
      title={label}
      className={cn(
        "relative inline-flex size-9 items-center justify-center rounded-md text-muted-foreground transition-colors outline-none hover:bg-muted hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
        className,
      )}
    >
      <Bell aria-hidden="true" className="size-[1.125rem]" />
      {unread ? (
        <span
          aria-hidden="true"
          data-testid="inbox-unread"
          className="absolute top-1 right-0.5 inline-flex h-4 min-w-4 items-center justify-center rounded-full bg-primary px-1 text-[0.625rem] leading-none font-semibold text-primary-foreground tabular-nums ring-2 ring-background"
        >
          {unread >= UNREAD_COUNT_CAP ? "99+" : unread}
        </span>
      ) : null}
    </Link>
  );
}

export { InboxLink };
