"use client";

import { useActionState } from "react";
import { Trash2 } from "lucide-react";
import { deleteAccountAction } from "@/lib/actions/account";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { FormError } from "@/components/ui/form-error";
import { Input } from "@/components/ui/input";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError } from "@/components/auth/form-state";

const CHOICES = [
  { value: "keep", label: "Keep them, signed “Deleted user”", hint: "Discussions stay readable for the group." },
  { value: "delete", label: "Delete them too", hint: "Replies others wrote under them go with them." },
] as const;

/** Deleting the account: asks what happens to group notes, and for the password. */
function DeleteAccountDialog({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(deleteAccountAction, emptyFormState);
  // Uncontrolled, so the form's reset after a refused attempt comes back to what was chosen.
  const chosen = state.values?.groupNotes || "keep";
  return (
    <Dialog>
      <DialogTrigger asChild>
        <Button variant="destructive">
          <Trash2 aria-hidden="true" />
          Delete my account…
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-md">
        <DialogHeader>
          <DialogTitle>Delete your account?</DialogTitle>
          <DialogDescription>Your private notes, memberships and API tokens are deleted at once. This cannot be undone.</DialogDescription>
        </DialogHeader>
        <FormError message={state.fields ? undefined : state.error} />
        <form action={formAction} className="grid gap-4">
          <fieldset className="grid gap-2" key={chosen}>
            <legend className="mb-1 text-sm font-medium">Notes and replies the group can see</legend>
            {CHOICES.map((option) => (
              <label key={option.value} className="flex cursor-pointer items-start gap-2.5 rounded-md border p-3 text-sm has-[:checked]:border-primary has-[:checked]:bg-accent/40">
                <input type="radio" name="groupNotes" value={option.value} defaultChecked={chosen === option.value} className="mt-0.5 accent-[var(--color-primary)]" />
                <span className="grid gap-0.5">
                  <span className="font-medium">{option.label}</span>
                  <span className="text-muted-foreground">{option.hint}</span>
                </span>
              </label>
            ))}
          </fieldset>
          {hasPassword ? (
            <Field label="Your password" error={fieldError(state, "password")}>
              <Input name="password" type="password" autoComplete="current-password" required />
            </Field>
          ) : null}
          <DialogFooter>
            <DialogClose asChild>
              <Button type="button" variant="ghost">
                Keep my account
              </Button>
            </DialogClose>
            <SubmitButton variant="destructive" pendingLabel="Deleting…">
              Delete my account
            </SubmitButton>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}

export { DeleteAccountDialog };
