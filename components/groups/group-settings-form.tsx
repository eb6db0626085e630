"use client";

import { useActionState, useMemo } from "react";
import { updateGroupAction } from "@/app/_actions/groups";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";
import { MODERATION_HINT, MODERATION_OPTIONS } from "@/components/groups/roles";

type GroupSettingsFormProps = { group: { id: string; name: string; description: string; moderation: string; anonymousToPeers: boolean } };

/** Owners: the group's name, description, moderation mode and seminar settings. */
function GroupSettingsForm({ group }: GroupSettingsFormProps) {
  const action = useMemo(() => updateGroupAction.bind(null, group.id), [group.id]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const alert = formAlert(state, ["name", "description", "moderation"]);
  // Keyed on the saved values so a save elsewhere (or this one) refreshes the defaults.
  const key = `${group.name}\u0000${group.description}\u0000${group.moderation}\u0000${group.anonymousToPeers}`;
  return (
    <form key={key} action={formAction} className="grid gap-4" aria-label="Group settings">
      <Field label="Name" error={fieldError(state, "name")}>
        <Input name="name" defaultValue={group.name} maxLength={120} required />
      </Field>
      <Field label="Description" error={fieldError(state, "description")}>
        <Textarea name="description" defaultValue={group.description} maxLength={2000} rows={3} className="min-h-20" />
      </Field>
      <Field label="Moderation" hint={MODERATION_HINT} error={fieldError(state, "moderation")}>
        <Select name="moderation" defaultValue={group.moderation}>
          {MODERATION_OPTIONS.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </Select>
      </Field>
      <CheckboxField
        name="anonymousToPeers"
        defaultChecked={group.anonymousToPeers}
        label="Anonymous to peers"
        hint="Members see “A classmate” instead of each other’s names on notes. Moderators and owners still see who wrote what."
      />
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <FormFooter saved={state.ok}>
        <SubmitButton variant="outline" pendingLabel="Saving…">
          Save settings
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export { GroupSettingsForm };
