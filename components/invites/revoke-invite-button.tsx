"use client";

import { useMemo } from "react";
import { Ban } from "lucide-react";
import { revokeInviteAction } from "@/lib/actions/invites";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";

/** Withdraw an invitation, after a confirmation: its link stops working at once. */
function RevokeInviteButton({ groupId, inviteId, description }: { groupId: string; inviteId: string; description: string }) {
  const action = useMemo(() => revokeInviteAction.bind(null, groupId, inviteId), [groupId, inviteId]);
  return (
    <ConfirmActionDialog
      action={action}
      trigger={
        <Button variant="ghost" size="icon-sm" className="text-muted-foreground hover:bg-destructive/10 hover:text-destructive" aria-label={`Withdraw invitation: ${description}`} title="Withdraw">
          <Ban aria-hidden="true" />
        </Button>
      }
      title="Withdraw this invitation?"
      description={`${description}. Its link stops working at once; people who already joined stay in the group.`}
      confirmLabel="Withdraw invitation"
      pendingLabel="Withdrawing…"
    />
  );
}

export { RevokeInviteButton };
