"use client";

import { useActionState } from "react";
import { updatePreferencesAction } from "@/lib/actions/preferences";
import { Alert } from "@/components/ui/alert";
import { CheckboxField } from "@/components/ui/checkbox-field";
import { FormFooter } from "@/components/ui/form-footer";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, formAlert } from "@/components/auth/form-state";

/** The daily-digest switch; says plainly when this instance cannot send mail. */
function DigestForm({ digestEmail, mailConfigured }: { digestEmail: boolean; mailConfigured: boolean }) {
  const [state, formAction] = useActionState(updatePreferencesAction, emptyFormState);
  const alert = formAlert(state, []);
  return (
    <form action={formAction} key={String(digestEmail)} className="grid gap-4" aria-label="Notification preferences">
      <CheckboxField
        name="digestEmail"
        defaultChecked={digestEmail}
        label="Daily email digest"
        hint={
          <>
            Once a day, an email with your unread notifications: replies, mentions, activity on texts you follow
            {mailConfigured ? "." : ". This server has no mail set up yet, so nothing will be sent until an administrator configures SMTP."}
          </>
        }
      />
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <FormFooter saved={state.ok}>
        <SubmitButton variant="outline" pendingLabel="Saving…">
          Save preferences
        </SubmitButton>
      </FormFooter>
    </form>
  );
}

export { DigestForm };
