import type { Metadata } from "next";
import Link from "next/link";
import { ChevronRight, ScrollText } from "lucide-react";
import { ValidationError } from "@/lib/errors";
import { presentLogEntry } from "@/lib/presenters/moderation";
import { listModerationLog } from "@/lib/queries/moderation";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { LiveGroupNav } from "@/components/moderation/live-group-nav";
import { LogTable } from "@/components/moderation/log-table";
import { loadModeration } from "../_components/load";
import { ModeratorsOnly } from "../_components/moderators-only";

type Props = { params: Promise<{ groupId: string }>; searchParams: Promise<{ cursor?: string }> };

const PAGE_SIZE = 50;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { group } = await loadModeration((await params).groupId);
  return { title: `Moderation log · ${group.name}` };
}

export default async function ModerationLogPage({ params, searchParams }: Props) {
  const { groupId } = await params;
  const { cursor } = await searchParams;
  const { group, viewer, allowed, counts } = await loadModeration(groupId);
  const header = (
    <PageHeader
      breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name, href: `/groups/${group.id}` }, { label: "Moderation log" }]}
      title="Moderation log"
      description="Every decision, lock, note, mute, role change, removal and deleted document in this group: who, when, what changed and why. Entries are never edited or removed."
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
  let page;
  try {
    page = await listModerationLog({ viewer, cursor, limit: PAGE_SIZE });
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    page = await listModerationLog({ viewer, limit: PAGE_SIZE });
  }
  const entries = page.items.map((row) => presentLogEntry(row, viewer));

  return (
    <PageContainer>
      {header}
      <LiveGroupNav groupId={group.id} open={counts.open} />
      {entries.length === 0 ? (
        <EmptyState
          headingLevel={2}
          icon={<ScrollText />}
          title={cursor ? "No older entries" : "Nothing has happened yet"}
          description="When a moderator approves, hides or restores an item, locks a thread, writes a note or mutes someone, it is recorded here."
          className="bg-card/50 py-16"
        />
      ) : (
        <div className="flex flex-col gap-4">
          <LogTable entries={entries} />
          <div className="flex items-center justify-between gap-3">
            {cursor ? (
              <Button asChild variant="ghost">
                <Link href={`/groups/${group.id}/moderation/log`}>Newest entries</Link>
              </Button>
            ) : (
              <span />
            )}
            {page.nextCursor ? (
              <Button asChild variant="outline">
                <Link href={`/groups/${group.id}/moderation/log?cursor=${page.nextCursor}`}>
                  Older entries
                  <ChevronRight aria-hidden="true" />
                </Link>
              </Button>
            ) : null}
          </div>
        </div>
      )}
    </PageContainer>
  );
}
