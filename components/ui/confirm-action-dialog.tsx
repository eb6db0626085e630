"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";
import type { FormState } from "@/lib/http/action";

type ConfirmActionDialogProps = {
  /** The server action, bound to its target; the dialog closes once it answers ok. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The button that opens the dialog (rendered through DialogTrigger asChild). */
  trigger: React.ReactElement;
  title: React.ReactNode;
  description: React.ReactNode;
  confirmLabel: React.ReactNode;
  pendingLabel: React.ReactNode;
  cancelLabel?: React.ReactNode;
};

/** A destructive action behind a confirmation: errors stay in the dialog, success closes it. */
function ConfirmActionDialog({ action, trigger, title, description, confirmLabel, pendingLabel, cancelLabel = "Keep it" }: ConfirmActionDialogProps) {
  const [open, setOpen] = useState(false);
  const [state, formAction] = useActionState(action, emptyFormState);
  // Close during render when a new state arrives, rather than in an effect, so no frame shows the old dialog.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) setOpen(false);
  }
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>{trigger}</DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <FormError message={state.error} />
        <form action={formAction}>
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                {cancelLabel}
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel={pendingLabel}>
              {confirmLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export { ConfirmActionDialog, type ConfirmActionDialogProps };
