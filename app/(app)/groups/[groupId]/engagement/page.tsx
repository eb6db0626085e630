import type { Metadata } from "next";
import { Download } from "lucide-react";
import { groupDensity, groupEngagement } from "@/lib/queries/engagement";
import { loadModeration } from "../moderation/_components/load";
import { ModeratorsOnly } from "../moderation/_components/moderators-only";
import { PageContainer } from "@/components/layout/page-container";
import { PageHeader } from "@/components/layout/page-header";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { DensityStrip } from "@/components/engagement/density-strip";
import { RoleBadge } from "@/components/groups/role-badge";
import { GroupNavBar } from "@/components/layout/group-nav-bar";

type Props = { params: Promise<{ groupId: string }> };

export const metadata: Metadata = { title: "Engagement" };

/** Moderators: who takes part, and where in each text the discussion gathers. */
export default async function EngagementPage({ params }: Props) {
  const { groupId } = await params;
  // Outsiders get the ordinary 404; members without the right the same notice as the queue and log.
  const { group, viewer, allowed } = await loadModeration(groupId);
  if (!allowed) {
    return (
      <PageContainer>
        <PageHeader breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name, href: `/groups/${group.id}` }, { label: "Engagement" }]} title="Engagement" />
        <ModeratorsOnly groupId={group.id} />
      </PageContainer>
    );
  }
  const [members, documents] = await Promise.all([groupEngagement(viewer), groupDensity(viewer)]);

  return (
    <PageContainer>
      <PageHeader
        breadcrumb={[{ label: "Groups", href: "/groups" }, { label: group.name, href: `/groups/${group.id}` }, { label: "Engagement" }]}
        title="Engagement"
        description="Who takes part, and where in each text the discussion gathers. Deleted posts and spam are not counted."
        actions={
          <a href={`/api/v1/groups/${group.id}/engagement?format=csv`} className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-card px-3 text-sm font-medium hover:bg-accent" download>
            <Download aria-hidden="true" className="size-4" />
            Export CSV
          </a>
        }
      />
      <GroupNavBar viewer={viewer} />
      <div className="grid items-start gap-8 lg:grid-cols-[minmax(0,1fr)_minmax(0,20rem)]">
        <Card>
          <CardHeader>
            <CardTitle as="h2">Members</CardTitle>
            <CardDescription>Threads started, replies written, and reactions their posts received from others.</CardDescription>
          </CardHeader>
          <CardContent>
            <Table aria-label="Engagement per member">
              <TableHeader>
                <TableRow>
                  <TableHead>Member</TableHead>
                  <TableHead className="text-right">Annotations</TableHead>
                  <TableHead className="text-right">Replies</TableHead>
                  <TableHead className="text-right">Reactions received</TableHead>
                  <TableHead className="hidden text-right sm:table-cell">Last active</TableHead>
                </TableRow>
              </TableHeader>
              <TableBody>
                {members.map((m) => (
                  <TableRow key={m.userId}>
                    <TableCell>
                      <span className="flex items-center gap-2">
                        <span className="font-medium">{m.name}</span>
                        <RoleBadge role={m.role as Parameters<typeof RoleBadge>[0]["role"]} />
                      </span>
                    </TableCell>
                    <TableCell className="text-right tabular-nums">{m.annotations}</TableCell>
                    <TableCell className="text-right tabular-nums">{m.replies}</TableCell>
                    <TableCell className="text-right tabular-nums">{m.reactionsReceived}</TableCell>
                    <TableCell className="hidden text-right text-muted-foreground sm:table-cell">{m.lastActiveAt ? m.lastActiveAt.toISOString().slice(0, 10) : "—"}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle as="h2">Where the discussion is</CardTitle>
            <CardDescription>Each strip is a text from top to bottom; deeper tint, more threads and replies.</CardDescription>
          </CardHeader>
          <CardContent>
            {documents.length === 0 ? (
              <EmptyState title="No texts yet" description="Strips appear once the group has documents." />
            ) : (
              <div className="grid grid-cols-[repeat(auto-fill,minmax(7rem,1fr))] gap-5">
                {documents.map((d) => (
                  <DensityStrip key={d.documentId} documentId={d.documentId} title={d.title} buckets={d.buckets} total={d.total} length={d.length} />
                ))}
              </div>
            )}
          </CardContent>
        </Card>
      </div>
    </PageContainer>
  );
}
