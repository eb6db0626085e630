"use client";

import { useActionState, useMemo } from "react";
import { Check, MailOpen, X } from "lucide-react";
import { acceptInvitationAction, declineInvitationAction } from "@/lib/actions/invites";
import type { PresentedInvitation } from "@/lib/presenters/invitation";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";
import { RoleSummary } from "@/components/invites/invitation-card";

/** Invitations waiting for my answer: nobody joins a group without saying yes. */
function PendingInvitations({ invitations }: { invitations: PresentedInvitation[] }) {
  if (invitations.length === 0) return null;
  return (
    <Card role="region" aria-labelledby="invitations-heading" className="mb-6">
      <CardHeader>
        <CardTitle as="h2" id="invitations-heading" className="flex items-center gap-2">
          <MailOpen aria-hidden="true" className="size-4 text-primary" />
          Invitations
        </CardTitle>
        <CardDescription>You join a group only when you accept.</CardDescription>
      </CardHeader>
      <CardContent>
        <ul className="divide-y">
          {invitations.map((invitation) => (
            <InvitationRow key={invitation.id} invitation={invitation} />
          ))}
        </ul>
      </CardContent>
    </Card>
  );
}

function InvitationRow({ invitation }: { invitation: PresentedInvitation }) {
  const accept = useMemo(() => acceptInvitationAction.bind(null, invitation.id), [invitation.id]);
  const decline = useMemo(() => declineInvitationAction.bind(null, invitation.id), [invitation.id]);
  const [acceptState, acceptAction] = useActionState(accept, emptyFormState);
  const [declineState, declineAction] = useActionState(decline, emptyFormState);
  const error = acceptState.error ?? declineState.error;
  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0 sm:flex-row sm:items-center" aria-label={`Invitation to ${invitation.group.name}`}>
      <div className="min-w-0 flex-1 text-sm">
        <p className="font-medium">{invitation.group.name}</p>
        <p className="text-muted-foreground">
          {invitation.invitedBy.name} invited you <RoleSummary role={invitation.role} />.
        </p>
        {error ? <Alert variant="error" className="mt-2">{error}</Alert> : null}
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <form action={declineAction}>
          <SubmitButton variant="ghost" size="sm" pendingLabel="Declining…" aria-label={`Decline the invitation to ${invitation.group.name}`}>
            <X aria-hidden="true" />
            Decline
          </SubmitButton>
        </form>
        <form action={acceptAction}>
          <SubmitButton size="sm" pendingLabel="Joining…" aria-label={`Accept and join ${invitation.group.name}`}>
            <Check aria-hidden="true" />
            Accept
          </SubmitButton>
        </form>
      </div>
    </li>
  );
}

export { PendingInvitations };
