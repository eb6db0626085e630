"use client";

import { useActionState, useMemo, useState } from "react";
import { Ban } from "lucide-react";
import { revokeInviteAction } from "@/app/_actions/invites";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";

/** Withdraw an invitation, after a confirmation: its link stops working at once. */
function RevokeInviteButton({ groupId, inviteId, description }: { groupId: string; inviteId: string; description: string }) {
  const [open, setOpen] = useState(false);
  const action = useMemo(() => revokeInviteAction.bind(null, groupId, inviteId), [groupId, inviteId]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="icon-sm" className="text-muted-foreground hover:bg-destructive/10 hover:text-destructive" aria-label={`Withdraw invitation: ${description}`} title="Withdraw">
          <Ban aria-hidden="true" />
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Withdraw this invitation?</DialogTitle>
          <DialogDescription>{description}. Its link stops working at once; people who already joined stay in the group.</DialogDescription>
        </DialogHeader>
        <FormError message={state.error} />
        <form action={formAction}>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Keep it
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel="Withdrawing…">
              Withdraw invitation
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export { RevokeInviteButton };
