"use client";

import { useActionState, useState } from "react";
import { Plus } from "lucide-react";
import { createGroupAction } from "@/lib/actions/groups";
import { Alert } from "@/components/ui/alert";
import { Button, type ButtonProps } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";
import { MODERATION_HINT, MODERATION_OPTIONS } from "@/components/groups/roles";

type NewGroupDialogProps = { triggerLabel?: string; triggerVariant?: ButtonProps["variant"] };

/** "New group" button and its dialog; a successful create redirects to the new group. */
function NewGroupDialog({ triggerLabel = "New group", triggerVariant = "default" }: NewGroupDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant={triggerVariant}>
          <Plus aria-hidden="true" />
          {triggerLabel}
        </Button>
      </DialogTrigger>
      <DialogContent>
        <DialogHeader>
          <DialogTitle>Start a reading group</DialogTitle>
          <DialogDescription>You’ll be its owner. Invite people and add texts once it exists.</DialogDescription>
        </DialogHeader>
        {open ? <NewGroupForm onCancel={() => setOpen(false)} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function NewGroupForm({ onCancel }: { onCancel: () => void }) {
  const [state, formAction] = useActionState(createGroupAction, emptyFormState);
  const alert = formAlert(state, ["name", "description", "moderation"]);
  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <Field label="Name" required error={fieldError(state, "name")}>
        <Input name="name" maxLength={120} placeholder="Thursday seminar: Middlemarch" defaultValue={state.values?.name ?? ""} autoFocus />
      </Field>
      <Field label="Description" hint="Optional. What you are reading, and when you meet." error={fieldError(state, "description")}>
        <Textarea name="description" maxLength={2000} rows={3} className="min-h-24" defaultValue={state.values?.description ?? ""} />
      </Field>
      <Field label="Moderation" hint={MODERATION_HINT} error={fieldError(state, "moderation")}>
        <Select name="moderation" defaultValue={state.values?.moderation || "post"}>
          {MODERATION_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label} — {option.short.toLowerCase()}
            </option>
          ))}
        </Select>
      </Field>
      <DialogFooter>
        <Button type="button" variant="ghost" onClick={onCancel}>
          Cancel
        </Button>
        <SubmitButton pendingLabel="Creating…">Create group</SubmitButton>
      </DialogFooter>
    </form>
  );
}

export { NewGroupDialog };
