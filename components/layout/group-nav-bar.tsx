import { can } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { queueCounts } from "@/lib/queries/moderation";
import { GroupNav } from "@/components/layout/group-nav";
import { LiveGroupNav } from "@/components/moderation/live-group-nav";

/**
 * The group navigation for any group page but the queue (which keeps its own count live). Only
 * moderators get the queue count, and only they open its event stream.
 */
async function GroupNavBar({ groupId, viewer, className }: { groupId: string; viewer: Viewer; className?: string }) {
  if (!can(viewer.membership, "moderation.read")) return <GroupNav groupId={groupId} moderation={null} className={className} />;
  const counts = await queueCounts(groupId, viewer);
  return <LiveGroupNav groupId={groupId} open={counts.open} className={className} />;
}

export { GroupNavBar };
