import { can } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { queueCounts } from "@/lib/queries/moderation";
import { GroupNav } from "@/components/layout/group-nav";

/** The group navigation for any group page: it counts the moderation queue itself, for moderators only. */
async function GroupNavBar({ groupId, viewer, className }: { groupId: string; viewer: Viewer; className?: string }) {
  const counts = can(viewer.membership, "moderation.read") ? await queueCounts(groupId, viewer) : null;
  return <GroupNav groupId={groupId} moderation={counts ? { open: counts.open } : null} className={className} />;
}

export { GroupNavBar };
