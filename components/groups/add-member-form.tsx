"use client";

import { useActionState, useMemo } from "react";
import { UserPlus } from "lucide-react";
import { addMemberAction } from "@/lib/actions/groups";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";
import { ROLE_OPTIONS } from "@/components/groups/roles";

/** Owners invite people by email; they join when they accept (inbox or emailed link). */
function AddMemberForm({ groupId }: { groupId: string }) {
  const action = useMemo(() => addMemberAction.bind(null, groupId), [groupId]);
  const [state, formAction] = useActionState(action, emptyFormState);
  const alert = formAlert(state, ["email", "role"]);
  return (
    <form action={formAction} className="grid gap-3" aria-label="Invite a member">
      <Field label="Invite someone by email" error={fieldError(state, "email")} hint="They join when they accept, from their inbox or the emailed link.">
        <Input name="email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} placeholder="name@example.org" required />
      </Field>
      <div className="flex items-end gap-2">
        <Field label="Role" className="min-w-0 flex-1" error={fieldError(state, "role")}>
          <Select name="role" defaultValue="member">
            {ROLE_OPTIONS.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </Select>
        </Field>
        <SubmitButton variant="outline" pendingLabel="Inviting…">
          <UserPlus aria-hidden="true" />
          Invite
        </SubmitButton>
      </div>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      {state.ok ? (
        <p role="status" className="text-[0.8125rem] text-success">
          Invitation sent. They’ll join once they accept it.
        </p>
      ) : null}
    </form>
  );
}

export { AddMemberForm };
