"use client";

import { useActionState, useMemo } from "react";
import { LogIn } from "lucide-react";
import { acceptInviteAction } from "@/lib/actions/invites";
import { Alert } from "@/components/ui/alert";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";

/** The invitation page's one button: joining is a deliberate act, never a side effect of opening a link. */
function JoinInviteForm({ token, groupName }: { token: string; groupName: string }) {
  const action = useMemo(() => acceptInviteAction.bind(null, token), [token]);
  const [state, formAction] = useActionState(action, emptyFormState);
  return (
    <form action={formAction} className="grid gap-4">
      {state.error ? <Alert variant="error">{state.error}</Alert> : null}
      <SubmitButton size="lg" className="w-full" pendingLabel="Joining…" autoFocus>
        <LogIn aria-hidden="true" />
        Join {groupName}
      </SubmitButton>
    </form>
  );
}

export { JoinInviteForm };
