import { can } from "@/lib/policies";
import type { GroupViewer } from "@/lib/policies/viewer";
import { queueCounts } from "@/lib/queries/moderation";
import { GroupNav } from "@/components/layout/group-nav";
import { LiveGroupNav } from "@/components/moderation/live-group-nav";

/**
 * The group navigation for any group page but the queue (which keeps its own count live). Only
 * moderators get the queue count, and only they open its event stream.
 */
async function GroupNavBar({ viewer, className }: { viewer: GroupViewer; className?: string }) {
  if (!can(viewer.membership, "moderation.read")) return <GroupNav groupId={viewer.groupId} moderation={null} className={className} />;
  const counts = await queueCounts(viewer);
  return <LiveGroupNav groupId={viewer.groupId} open={counts.open} className={className} />;
}

export { GroupNavBar };
