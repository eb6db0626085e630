"use client";

import { useActionState } from "react";
import { signUpAction } from "@/lib/actions/auth";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EmailField } from "@/components/auth/email-field";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";

type SignUpFormProps = { callbackUrl: string; minPasswordLength: number };

function SignUpForm({ callbackUrl, minPasswordLength }: SignUpFormProps) {
  const [state, formAction] = useActionState(signUpAction, emptyFormState);
  const alert = formAlert(state, ["name", "email", "password"]);

  return (
    <form action={formAction} className="grid gap-5" noValidate>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <input type="hidden" name="callbackUrl" value={callbackUrl} />
      <Field label="Name" hint="Shown to the other members of your groups." error={fieldError(state, "name")}>
        <Input name="name" autoComplete="name" defaultValue={state.values?.name ?? ""} required autoFocus />
      </Field>
      <EmailField error={fieldError(state, "email")} defaultValue={state.values?.email} />
      <Field
        label="Password"
        hint={`At least ${minPasswordLength} characters. A few unrelated words make a strong, memorable password.`}
        error={fieldError(state, "password")}
      >
        <Input name="password" type="password" autoComplete="new-password" minLength={minPasswordLength} required />
      </Field>
      <SubmitButton className="mt-1 w-full" size="lg" pendingLabel="Creating your account…">
        Create account
      </SubmitButton>
    </form>
  );
}

export { SignUpForm };
