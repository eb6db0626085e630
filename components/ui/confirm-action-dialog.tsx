"use client";

import { useActionState, useEffect, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormError } from "@/components/ui/form-error";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";
import type { FormState } from "@/lib/http/action";

type ConfirmActionDialogProps = {
  /** The server action, bound to its target; the dialog closes once it answers ok. */
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  /** The button that opens the dialog (rendered through DialogTrigger asChild); leave out when `open` is controlled, e.g. from a menu item. */
  trigger?: React.ReactElement;
  /** Controlled open state, for a dialog opened from a menu (which unmounts its items when it closes). */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  /** For what cannot be undone: the confirm button stays disabled until this exact text is typed. */
  confirmText?: string;
  title: React.ReactNode;
  description: React.ReactNode;
  confirmLabel: React.ReactNode;
  pendingLabel: React.ReactNode;
  cancelLabel?: React.ReactNode;
};

/** A destructive action behind a confirmation: errors stay in the dialog, success closes it. */
function ConfirmActionDialog({ action, trigger, open: controlledOpen, onOpenChange, confirmText, title, description, confirmLabel, pendingLabel, cancelLabel = "Keep it" }: ConfirmActionDialogProps) {
  const [uncontrolledOpen, setUncontrolledOpen] = useState(false);
  const open = controlledOpen ?? uncontrolledOpen;
  const [typed, setTyped] = useState("");
  const setOpen = (next: boolean) => {
    if (!next) setTyped("");
    setUncontrolledOpen(next);
    onOpenChange?.(next);
  };
  const [state, formAction] = useActionState(action, emptyFormState);
  // Close during render when a new state arrives, rather than in an effect, so no frame shows the old dialog.
  const [seen, setSeen] = useState(state);
  if (state !== seen) {
    setSeen(state);
    if (state.ok) {
      setUncontrolledOpen(false);
      setTyped("");
    }
  }
  // A controlled dialog's owner hears of the close after render (it may not update while this one renders).
  const closedByAction = state.ok === true && controlledOpen === true;
  useEffect(() => {
    if (closedByAction) onOpenChange?.(false);
  }, [closedByAction, onOpenChange]);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      {trigger ? <DialogTrigger asChild>{trigger}</DialogTrigger> : null}
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>{title}</DialogTitle>
          <DialogDescription>{description}</DialogDescription>
        </DialogHeader>
        <FormError message={state.error} />
        <form action={formAction} className="grid gap-4">
          {confirmText !== undefined ? (
            <Field label={`Type “${confirmText}” to confirm`}>
              <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" spellCheck={false} autoFocus />
            </Field>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                {cancelLabel}
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel={pendingLabel} disabled={confirmText !== undefined && typed.trim() !== confirmText.trim()}>
              {confirmLabel}
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export { ConfirmActionDialog, type ConfirmActionDialogProps };
