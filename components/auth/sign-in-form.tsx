"use client";

import { useActionState } from "react";
import { signInAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EmailField } from "@/components/auth/email-field";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";

type SignInFormProps = {
  callbackUrl: string;
  /** A message carried over from next-auth's redirect (?error=…). */
  initialError?: string;
};

function SignInForm({ callbackUrl, initialError }: SignInFormProps) {
  const [state, formAction] = useActionState(signInAction, emptyFormState);
  const alert = formAlert(state, ["email", "password"]) ?? (state === emptyFormState ? initialError : undefined);

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <EmailField error={fieldError(state, "email")} defaultValue={state.values?.email} autoFocus />
      <Field label="Password" error={fieldError(state, "password")}>
        <Input name="password" type="password" autoComplete="current-password" required />
      </Field>
      <SubmitButton className="mt-1 w-full" size="lg" pendingLabel="Signing in…">
        Sign in
      </SubmitButton>
    </form>
  );
}

export { SignInForm };
