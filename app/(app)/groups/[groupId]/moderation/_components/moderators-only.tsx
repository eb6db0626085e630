import Link from "next/link";
import { ShieldAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";

/** What a member without the moderation right sees instead of the queue or the log. */
export function ModeratorsOnly({ groupId }: { groupId: string }) {
  return (
    <EmptyState
      headingLevel={2}
      icon={<ShieldAlert />}
      title="For moderators only"
      description="The moderation queue, log and engagement view are open to this group’s moderators and owners. Ask an owner if you should help moderate."
      action={
        <Button asChild variant="outline">
          <Link href={`/groups/${groupId}`}>Back to the group</Link>
        </Button>
      }
      className="bg-card/50 py-16"
    />
  );
}
