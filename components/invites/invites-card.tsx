import { Link2, Mail } from "lucide-react";
import type { InviteRow } from "@/lib/queries/invites";
import { inviteStatus } from "@/lib/queries/invites";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Separator } from "@/components/ui/separator";
import { RoleBadge } from "@/components/groups/role-badge";
import { TimeAgo } from "@/components/documents/time-ago";
import { InviteDialog } from "@/components/invites/invite-dialog";
import { RevokeInviteButton } from "@/components/invites/revoke-invite-button";

type InvitesCardProps = {
  group: { id: string; name: string };
  invites: InviteRow[];
  roles: string[];
  mailConfigured: boolean;
};

function usesLabel(invite: InviteRow) {
  if (invite.maxUses === null) return invite.uses === 0 ? "Not used yet" : `Used ${invite.uses}×`;
  return `${invite.uses} of ${invite.maxUses} used`;
}

/** Open invitations with their role, uses and expiry, for owners; links are shown only when made. */
function InvitesCard({ group, invites, roles, mailConfigured }: InvitesCardProps) {
  const now = new Date();
  const open = invites.filter((invite) => inviteStatus(invite, now) === "active");
  return (
    <Card role="region" aria-labelledby="invites-heading">
      <CardHeader>
        <CardTitle as="h2" id="invites-heading">
          Invitations
        </CardTitle>
        <CardDescription>Share a link to let people join — they can sign up on the way.</CardDescription>
      </CardHeader>
      {open.length > 0 ? (
        <CardContent>
          <ul className="divide-y" aria-label="Open invitations">
            {open.map((invite) => {
              const what = invite.email ? `Sent to ${invite.email}` : "Invite link";
              return (
                <li key={invite.id} className="flex items-start gap-3 py-3 first:pt-0 last:pb-0">
                  <span aria-hidden="true" className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-md bg-muted text-muted-foreground">
                    {invite.email ? <Mail className="size-3.5" /> : <Link2 className="size-3.5" />}
                  </span>
                  <div className="flex min-w-0 flex-1 flex-col gap-1">
                    <div className="flex min-w-0 items-center gap-2">
                      <span className="truncate text-sm font-medium">{what}</span>
                      <RoleBadge role={invite.role} />
                    </div>
                    <span className="text-[0.8125rem] text-muted-foreground">
                      {usesLabel(invite)} · expires <TimeAgo date={invite.expiresAt} />
                    </span>
                  </div>
                  <RevokeInviteButton groupId={group.id} inviteId={invite.id} description={`${what} (${invite.role})`} />
                </li>
              );
            })}
          </ul>
        </CardContent>
      ) : (
        <CardContent>
          <p className="text-sm text-muted-foreground">No open invitations.</p>
        </CardContent>
      )}
      <Separator />
      <CardContent>
        <InviteDialog groupId={group.id} groupName={group.name} roles={roles} mailConfigured={mailConfigured} />
      </CardContent>
    </Card>
  );
}

export { InvitesCard };
