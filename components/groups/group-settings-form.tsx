"use client";

import { useActionState, useMemo } from "react";
import { Trash2 } from "lucide-react";
import { deleteGroupAction, updateGroupAction } from "@/lib/actions/groups";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";
import { Field } from "@/components/ui/field";
import { FormFooter } from "@/components/ui/form-footer";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Textarea } from "@/components/ui/textarea";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";
import { MODERATION_HINT, MODERATION_OPTIONS } from "@/components/groups/roles";

type GroupSettingsFormProps = {
  group: { id: string; name: string; description: string; moderation: string; anonymousToPeers: boolean };
  /** Owners may delete the group. */
  canDelete?: boolean;
};

/** Owners: the group's name, description, moderation mode and seminar settings, and deleting the group. */
function GroupSettingsForm({ group, canDelete = false }: GroupSettingsFormProps) {
  const action = useMemo(() => updateGroupAction.bind(null, group.id), [group.id]);
  const deleteAction = useMemo(() => deleteGroupAction.bind(null, group.id), [group.id]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const alert = formAlert(state, ["name", "description", "moderation"]);
  // Keyed on the saved values so a save elsewhere (or this one) refreshes the defaults.
  const key = `${group.name}\u0000${group.description}\u0000${group.moderation}\u0000${group.anonymousToPeers}`;
  return (
    <div className="grid gap-6">
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
      {canDelete ? (
        <section aria-labelledby="delete-group-heading" className="grid gap-2 border-t border-destructive/30 pt-4">
          <h3 id="delete-group-heading" className="text-sm font-medium text-destructive">
            Delete group
          </h3>
          <p className="text-sm text-muted-foreground">Deletes every document in it, with their annotations and discussion, and all memberships and invitations.</p>
          <div>
            <ConfirmActionDialog
              action={deleteAction}
              confirmText={group.name}
              trigger={
                <Button type="button" variant="outline" size="sm" className="border-destructive/40 text-destructive hover:bg-destructive/10 hover:text-destructive">
                  <Trash2 aria-hidden="true" />
                  Delete group…
                </Button>
              }
              title="Delete this group?"
              description={<>“{group.name}” is deleted for everyone, with all its documents, annotations, replies and discussion, its members’ places in it and its invitations. This cannot be undone.</>}
              confirmLabel="Delete group"
              pendingLabel="Deleting…"
            />
          </div>
        </section>
      ) : null}
    </div>
  );
}

export { GroupSettingsForm };
