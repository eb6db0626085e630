"use client";

import { useActionState, useMemo, useState } from "react";
import { revokeTokenAction } from "@/app/_actions/tokens";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";

/** Revoke, after a confirmation: scripts using the token stop working at once. */
function RevokeTokenButton({ tokenId, label }: { tokenId: string; label: string }) {
  const [open, setOpen] = useState(false);
  const action = useMemo(() => revokeTokenAction.bind(null, tokenId), [tokenId]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="ghost" size="sm" className="text-destructive hover:bg-destructive/10" aria-label={`Revoke token ${label}`}>
          Revoke
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Revoke “{label}”?</DialogTitle>
          <DialogDescription>Anything using this token will get “401 Unauthorized” from now on. This can’t be undone; create a new token if you need one.</DialogDescription>
        </DialogHeader>
        <FormError message={state.error} />
        <form action={formAction}>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Keep it
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel="Revoking…">
              Revoke token
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export { RevokeTokenButton };
