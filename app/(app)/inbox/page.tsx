import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { BellOff, ChevronRight } from "lucide-react";
import { currentUser } from "@/lib/auth/current-user";
import { ValidationError } from "@/lib/errors";
import { presentNotification } from "@/lib/presenters/moderation";
import { countUnreadNotifications, listNotifications } from "@/lib/queries/notifications";
import { listInvitationsFor } from "@/lib/queries/invites";
import { presentInvitation } from "@/lib/presenters/invitation";
import { PendingInvitations } from "@/components/invites/pending-invitations";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxList } from "@/components/moderation/inbox-list";
import { cn } from "@/lib/utils";

export const metadata: Metadata = { title: "Inbox" };

type Props = { searchParams: Promise<{ unread?: string; cursor?: string }> };

const PAGE_SIZE = 30;

export default async function InboxPage({ searchParams }: Props) {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const query = await searchParams;
  const unreadOnly = query.unread === "1";
  const load = (cursor?: string) => listNotifications({ userId: user.id, unread: unreadOnly, cursor, limit: PAGE_SIZE });
  let page;
  try {
    page = await load(query.cursor);
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    page = await load();
  }
  const [unreadCount, invitations] = await Promise.all([countUnreadNotifications(user.id), listInvitationsFor(user)]);
  // Relative links: the inbox is read in the browser that is already on this origin.
  const items = page.items.map(({ row, viewer }) => presentNotification(row, viewer, ""));
  const tab = (label: string, href: string, active: boolean) => (
    <Link
      href={href}
      aria-current={active ? "page" : undefined}
      className={cn(
        "inline-flex h-8 items-center rounded-md px-3 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring",
        active && "bg-card text-foreground shadow-xs",
      )}
    >
      {label}
    </Link>
  );

  return (
    <PageContainer size="narrow">
      <PageHeader
        title="Inbox"
        description="Replies, mentions and new notes on texts you follow; and, where you moderate, new flags and posts waiting for approval."
        breadcrumb={[{ label: "Groups", href: "/groups" }, { label: "Inbox" }]}
      />
      <PendingInvitations invitations={invitations.map(presentInvitation)} />
      <nav aria-label="Inbox filter" className="mb-4">
        <div className="inline-flex items-center gap-1 rounded-lg bg-muted p-1">
          {tab("All", "/inbox", !unreadOnly)}
          {tab(`Unread${unreadCount ? ` (${unreadCount})` : ""}`, "/inbox?unread=1", unreadOnly)}
        </div>
      </nav>
      {items.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<BellOff />}
          title={unreadOnly ? "You’re all caught up" : "Nothing here yet"}
          description={
            unreadOnly
              ? "No unread notifications. Replies, mentions and items to moderate will show up here."
              : "When someone replies to you, mentions you or posts on a text you follow, you’ll hear of it here — and, in groups you moderate, of new flags and posts waiting for approval."
          }
          className="bg-card/50 py-16"
        />
      ) : (
        <div className="flex flex-col gap-4">
          <InboxList items={items} unreadCount={unreadCount} />
          {page.nextCursor ? (
            <div className="flex justify-end">
              <Button asChild variant="outline">
                <Link href={`/inbox?${new URLSearchParams({ ...(unreadOnly ? { unread: "1" } : {}), cursor: page.nextCursor })}`}>
                  Older
                  <ChevronRight aria-hidden="true" />
                </Link>
              </Button>
            </div>
          ) : null}
        </div>
      )}
    </PageContainer>
  );
}
