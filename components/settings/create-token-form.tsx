"use client";

import { useActionState } from "react";
import { KeyRound, TriangleAlert } from "lucide-react";
import { createTokenAction } from "@/lib/actions/tokens";
import { Alert } from "@/components/ui/alert";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, fieldError, formAlert } from "@/components/auth/form-state";
import { CopyButton } from "@/components/settings/copy-button";

/** Issues a personal API token and shows its secret once. */
function CreateTokenForm({ origin }: { origin: string }) {
  const [state, formAction] = useActionState(createTokenAction, emptyFormState);
  const alert = formAlert(state, ["label", "expiresInDays"]);
  return (
    <div className="grid gap-4">
      <form action={formAction} className="flex flex-col gap-3 sm:flex-row sm:items-start" aria-label="Create an API token">
        <Field
          label="Token label"
          className="min-w-0 flex-1"
          hint="So you can tell your tokens apart later, e.g. “Zotero sync” or “Laptop CLI”."
          error={fieldError(state, "label")}
        >
          <Input name="label" maxLength={80} placeholder="What will use this token?" autoComplete="off" required />
        </Field>
        <Field label="Expires" className="sm:w-40" error={fieldError(state, "expiresInDays")}>
          <Select name="expiresInDays" defaultValue="90">
            <option value="30">In 30 days</option>
            <option value="90">In 90 days</option>
            <option value="365">In a year</option>
            <option value="">Never</option>
          </Select>
        </Field>
        <SubmitButton className="sm:mt-6" pendingLabel="Creating…">
          <KeyRound aria-hidden="true" />
          Create token
        </SubmitButton>
      </form>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      {state.secret ? <NewTokenBox secret={state.secret} origin={origin} /> : null}
    </div>
  );
}

function NewTokenBox({ secret, origin }: { secret: string; origin: string }) {
  return (
    <div role="status" className="grid gap-3 rounded-xl border border-primary/30 bg-accent/50 p-4 sm:p-5">
      <p className="flex items-start gap-2 text-sm font-semibold">
        <TriangleAlert aria-hidden="true" className="mt-0.5 size-4 shrink-0 text-warning" />
        Copy your new token now — it won’t be shown again.
      </p>
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code
          className="min-w-0 flex-1 rounded-md border bg-card px-3 py-2 font-mono text-[0.8125rem] break-all select-all"
          aria-label="Your new API token"
        >
          {secret}
        </code>
        <CopyButton value={secret} label="Copy token" className="shrink-0" />
      </div>
      <p className="text-[0.8125rem] leading-relaxed text-muted-foreground">
        Use it as <code className="rounded bg-card px-1 py-0.5 font-mono text-foreground">Authorization: Bearer &lt;token&gt;</code>, for example:
      </p>
      <pre className="overflow-x-auto rounded-md border bg-card px-3 py-2 font-mono text-xs leading-relaxed text-muted-foreground">
        <code>{`curl -H "Authorization: Bearer ${secret.slice(0, 8)}…" ${origin}/api/v1/me`}</code>
      </pre>
    </div>
  );
}

export { CreateTokenForm };
