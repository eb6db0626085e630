"use client";

import { useActionState } from "react";
import { KeyRound } from "lucide-react";
import { changePasswordAction } from "@/lib/actions/account";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";

/** Changes the password; the answer says what else changed (other sessions, API tokens). */
function ChangePasswordForm({ hasPassword }: { hasPassword: boolean }) {
  const [state, formAction] = useActionState(changePasswordAction, emptyFormState);
  const alert = formAlert(state, ["currentPassword", "newPassword"]);
  return (
    <form action={formAction} key={state.notice ?? "form"} className="grid gap-4" aria-label="Change password">
      <div className="grid items-start gap-4 sm:grid-cols-2">
        {hasPassword ? (
          <Field label="Current password" error={fieldError(state, "currentPassword")}>
            <Input name="currentPassword" type="password" autoComplete="current-password" required />
          </Field>
        ) : null}
        <Field label="New password" hint="At least 10 characters." error={fieldError(state, "newPassword")}>
          <Input name="newPassword" type="password" autoComplete="new-password" minLength={10} maxLength={200} required />
        </Field>
      </div>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      {state.ok && state.notice ? <Alert variant="success">{state.notice}</Alert> : null}
      <div>
        <SubmitButton variant="outline" pendingLabel="Changing…">
          <KeyRound aria-hidden="true" />
          {hasPassword ? "Change password" : "Set a password"}
        </SubmitButton>
      </div>
    </form>
  );
}

export { ChangePasswordForm };
