"use client";

import { useActionState, useMemo, useState } from "react";
import { Link2, MailCheck, MailWarning, UserPlus } from "lucide-react";
import { createInviteAction, type InviteFormState } from "@/lib/actions/invites";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/auth/submit-button";
import { fieldError, formAlert } from "@/components/auth/form-state";
import { ROLE_OPTIONS } from "@/components/groups/roles";
import { CopyButton } from "@/components/settings/copy-button";

const EXPIRY_OPTIONS = [
  { value: "1", label: "1 day" },
  { value: "7", label: "7 days" },
  { value: "30", label: "30 days" },
  { value: "90", label: "90 days" },
];

type InviteDialogProps = {
  groupId: string;
  groupName: string;
  /** Roles the inviter may hand out (at most their own). */
  roles: string[];
  /** Whether the server can send email; otherwise the dialog says the link is to be shared by hand. */
  mailConfigured: boolean;
};

/** "Invite people": a link with a role, an expiry and an optional use limit, optionally emailed. */
function InviteDialog({ groupId, groupName, roles, mailConfigured }: InviteDialogProps) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button variant="outline" className="w-full">
          <UserPlus aria-hidden="true" />
          Invite people
        </Button>
      </DialogTrigger>
      <DialogContent className="max-w-lg">
        {open ? <InviteForm groupId={groupId} groupName={groupName} roles={roles} mailConfigured={mailConfigured} /> : null}
      </DialogContent>
    </Dialog>
  );
}

function InviteForm({ groupId, groupName, roles, mailConfigured }: InviteDialogProps) {
  const action = useMemo(() => createInviteAction.bind(null, groupId), [groupId]);
  const [state, formAction] = useActionState(action, {} as InviteFormState);
  if (state.invite) return <NewInvite invite={state.invite} groupName={groupName} />;
  const alert = formAlert(state, ["role", "expiresInDays", "maxUses", "email"]);
  const options = ROLE_OPTIONS.filter((option) => roles.includes(option.value));
  return (
    <>
      <DialogHeader>
        <DialogTitle>Invite people to {groupName}</DialogTitle>
        <DialogDescription>
          Anyone with the link can join with the role you choose — new readers create an account on the way. You can withdraw the link at any time.
        </DialogDescription>
      </DialogHeader>
      <form action={formAction} className="grid gap-5" noValidate>
        {alert ? <Alert variant="error">{alert}</Alert> : null}
        <div className="grid gap-5 sm:grid-cols-2">
          <Field label="Role" error={fieldError(state, "role")}>
            <Select name="role" defaultValue={state.values?.role || "member"}>
              {options.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
          <Field label="Link works for" error={fieldError(state, "expiresInDays")}>
            <Select name="expiresInDays" defaultValue={state.values?.expiresInDays || "7"}>
              {EXPIRY_OPTIONS.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </Field>
        </div>
        <Field label="Limit uses" hint="Leave empty to let any number of people join. An emailed invitation is for one person unless you set a number." error={fieldError(state, "maxUses")}>
          <Input name="maxUses" type="number" inputMode="numeric" min={1} max={10000} placeholder="No limit" defaultValue={state.values?.maxUses ?? ""} className="max-w-40" />
        </Field>
        <Field
          label="Send it by email (optional)"
          hint={mailConfigured ? "We’ll email the link to this address." : "Email isn’t set up on this server, so you’ll get the link to send yourself."}
          error={fieldError(state, "email")}
        >
          <Input name="email" type="email" autoComplete="off" autoCapitalize="none" spellCheck={false} placeholder="name@example.org" defaultValue={state.values?.email ?? ""} />
        </Field>
        <DialogFooter>
          <DialogClose asChild>
            <Button type="button" variant="ghost">
              Cancel
            </Button>
          </DialogClose>
          <SubmitButton pendingLabel="Creating…">
            <Link2 aria-hidden="true" />
            Create invite link
          </SubmitButton>
        </DialogFooter>
      </form>
    </>
  );
}

function NewInvite({ invite, groupName }: { invite: NonNullable<InviteFormState["invite"]>; groupName: string }) {
  return (
    <>
      <DialogHeader>
        <DialogTitle>{invite.emailed ? "Invitation sent" : "Your invite link is ready"}</DialogTitle>
        <DialogDescription>Whoever opens this link can join {groupName}. Copy it now — for safety it won’t be shown again.</DialogDescription>
      </DialogHeader>
      {invite.email ? (
        invite.emailed ? (
          <Alert variant="success" icon={<MailCheck aria-hidden="true" />}>
            We emailed the link to <strong className="font-semibold">{invite.email}</strong>.
          </Alert>
        ) : (
          <Alert variant="warning" icon={<MailWarning aria-hidden="true" />}>
            We couldn’t email {invite.email} from this server. Copy the link and send it yourself.
          </Alert>
        )
      ) : null}
      <div className="flex flex-col gap-2 sm:flex-row sm:items-center">
        <code className="min-w-0 flex-1 rounded-md border bg-muted/40 px-3 py-2 font-mono text-[0.8125rem] break-all select-all" aria-label="Invite link" data-testid="invite-link">
          {invite.url}
        </code>
        <CopyButton value={invite.url} label="Copy link" className="shrink-0" />
      </div>
      <DialogFooter>
        <DialogClose asChild>
          <Button type="button">Done</Button>
        </DialogClose>
      </DialogFooter>
    </>
  );
}

export { InviteDialog };
