"use client";

import { useState } from "react";
import { GroupNav } from "@/components/layout/group-nav";
import { useQueueEvents } from "@/components/moderation/use-queue-events";

/**
 * The group navigation for a moderator, its queue count kept current by the queue's event stream.
 * Render it only for those who may read the queue: it opens the stream as it mounts.
 */
function LiveGroupNav({ groupId, open, className }: { groupId: string; open: number; className?: string }) {
  const [waiting, setWaiting] = useState(open);
  useQueueEvents(groupId, (counts) => setWaiting(counts.open));
  return <GroupNav groupId={groupId} moderation={{ open: waiting }} className={className} />;
}

export { LiveGroupNav };
