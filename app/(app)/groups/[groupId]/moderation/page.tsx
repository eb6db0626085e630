import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight } from "lucide-react";
import { ValidationError } from "@/lib/errors";
import { presentQueueCard } from "@/lib/presenters/moderation";
import { listQueue, moderatorNotesByItem, mutedAuthors } from "@/lib/queries/moderation";
import { QUEUE_FILTERS, type QueueFilter } from "@/lib/validation/moderation";
import { GroupNav } from "@/components/layout/group-nav";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { FilterTabs } from "@/components/moderation/filter-tabs";
import { ModerationQueue } from "@/components/moderation/moderation-queue";
import { ModerationBadge } from "@/components/groups/role-badge";
import { LiveQueue } from "./_components/live-queue";
import { loadModeration } from "./_components/load";
import { ModeratorsOnly } from "./_components/moderators-only";

type Props = { params: Promise<{ groupId: string }>; searchParams: Promise<{ filter?: string; cursor?: string }> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await loadModeration((await params).groupId);
  return { title: `Moderation · ${group.name}` };
}

export default async function ModerationQueuePage({ params, searchParams }: Props) {
  const { groupId } = await params;
  const query = await searchParams;
  const { user, group, viewer, allowed, counts, abilities } = await loadModeration(groupId);
  const header = (
    <PageHeader
      breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name, href: `/groups/${group.id}` }, { label: "Moderation" }]}
      title="Moderation"
      description={
        <>
          <span className="block">Posts waiting for approval and flagged annotations. Decide with the keyboard: one item at a time, or select several.</span>
          <span className="mt-3 flex">
            <ModerationBadge moderation={group.moderation} />
          </span>
        </>
      }
    />
  );
  if (!allowed || !counts) {
    return (
      <PageContainer>
        {header}
        <ModeratorsOnly groupId={group.id} />
      </PageContainer>
    );
  }

  const filter = (QUEUE_FILTERS as readonly string[]).includes(query.filter ?? "") ? (query.filter as QueueFilter) : undefined;
  let page;
  try {
    page = await listQueue({ viewer, filter, cursor: query.cursor, limit: PAGE_SIZE });
  } catch (error) {
    // A stale or hand-edited cursor starts the queue from the top rather than failing the page.
    if (!(error instanceof ValidationError)) throw error;
    page = await listQueue({ viewer, filter, limit: PAGE_SIZE });
  }
  const [notes, muted] = await Promise.all([moderatorNotesByItem(viewer, page.items.map((i) => i.id)), mutedAuthors(viewer, page.items.map((i) => i.authorId))]);
  const cards = page.items.map((row) => presentQueueCard(row, notes.get(row.id) ?? [], muted.get(row.authorId) ?? false));
  const key = filter ?? "open";

  return (
    <PageContainer>
      {header}
      <GroupNav groupId={group.id} moderation={{ open: counts.open }} />
      <div className="flex flex-col gap-5">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <FilterTabs groupId={group.id} active={key} counts={counts} />
          <LiveQueue groupId={group.id} counts={counts} />
        </div>
        <ModerationQueue
          key={`${key}:${query.cursor ?? ""}`}
          groupId={group.id}
          actorId={user.id}
          filter={key}
          items={cards}
          can={{ lock: abilities["thread.lock"], mute: abilities["member.mute"], note: abilities["moderation.note"] }}
        />
        {page.nextCursor ? (
          <div className="flex justify-end">
            <Button asChild variant="outline">
              <Link href={`/groups/${group.id}/moderation?${new URLSearchParams({ ...(filter ? { filter } : {}), cursor: page.nextCursor })}`}>
                Next {PAGE_SIZE}
                <ChevronRight aria-hidden="true" />
              </Link>
            </Button>
          </div>
        ) : null}
      </div>
    </PageContainer>
  );
}
