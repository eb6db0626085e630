"use client";

import { useActionState } from "react";
import { Check } from "lucide-react";
import { updatePreferencesAction } from "@/app/_actions/preferences";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState, formAlert } from "@/components/auth/form-state";

/** The daily-digest switch; says plainly when this instance cannot send mail. */
function DigestForm({ digestEmail, mailConfigured }: { digestEmail: boolean; mailConfigured: boolean }) {
  const [state, formAction] = useActionState(updatePreferencesAction, emptyFormState);
  const alert = formAlert(state, []);
  return (
    <form action={formAction} key={String(digestEmail)} className="grid gap-4" aria-label="Notification preferences">
      <label className="flex items-start gap-2.5 text-sm">
        <input type="checkbox" name="digestEmail" defaultChecked={digestEmail} className="mt-0.5 size-4 accent-primary" />
        <span>
          <span className="font-medium">Daily email digest</span>
          <span className="block text-[0.8125rem] text-muted-foreground">
            Once a day, an email with your unread notifications: replies, mentions, activity on texts you follow
            {mailConfigured ? "." : ". This server has no mail set up yet, so nothing will be sent until an administrator configures SMTP."}
          </span>
        </span>
      </label>
      {alert ? <Alert variant="error">{alert}</Alert> : null}
      <div className="flex items-center gap-3">
        <SubmitButton variant="outline" pendingLabel="Saving…">
          Save preferences
        </SubmitButton>
        {state.ok ? (
          <span role="status" className="inline-flex items-center gap-1 text-[0.8125rem] text-success">
            <Check aria-hidden="true" className="size-3.5" />
            Saved
          </span>
        ) : null}
      </div>
    </form>
  );
}

export { DigestForm };
