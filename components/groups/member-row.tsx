"use client";

import { useActionState, useMemo, useOptimistic, useState, useTransition } from "react";
import { CircleAlert, LoaderCircle, Trash2, Volume2, VolumeX } from "lucide-react";
import { removeMemberAction, updateMemberAction } from "@/lib/actions/groups";
import type { FormState } from "@/lib/http/action";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ConfirmActionDialog } from "@/components/ui/confirm-action-dialog";
import { Select } from "@/components/ui/select";
import { SubmitButton } from "@/components/auth/submit-button";
import { emptyFormState } from "@/components/auth/form-state";
import { RoleBadge } from "@/components/groups/role-badge";
import { ROLE_OPTIONS } from "@/components/groups/roles";

type MemberRowProps = {
  groupId: string;
  groupName: string;
  member: { role: string; muted: boolean; user: { id: string; name: string; email?: string } };
  isSelf: boolean;
  canManage: boolean;
  canMute: boolean;
};

/** A member in the group's member list, with the controls the viewer's role allows. */
function MemberRow({ groupId, groupName, member, isSelf, canManage, canMute }: MemberRowProps) {
  const { user } = member;
  const displayName = user.name || user.email || "Member";
  const update = useMemo(() => updateMemberAction.bind(null, groupId, user.id), [groupId, user.id]);
  const [roleState, roleAction] = useActionState(update, emptyFormState);
  const [muteState, muteAction] = useActionState(update, emptyFormState);
  const [rolePending, startRoleTransition] = useTransition();
  const [optimisticRole, setOptimisticRole] = useOptimistic(member.role);
  const [dismissed, setDismissed] = useState<FormState | null>(null);

  const changeRole = (role: string) => {
    const form = new FormData();
    form.set("role", role);
    startRoleTransition(() => {
      setOptimisticRole(role);
      roleAction(form);
    });
  };

  const errors = [roleState, muteState].filter((s) => s.error && s !== dismissed).map((s) => s.error as string);
  const showControls = canManage || (canMute && !isSelf);

  return (
    <li className="flex flex-col gap-3 py-4 first:pt-0 last:pb-0">
      <div className="flex items-start gap-3">
        <Avatar name={displayName} seed={user.id} size="default" decorative className="mt-0.5 ring-0" />
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="flex min-w-0 items-center gap-2">
            <span className="truncate text-sm font-medium">{displayName}</span>
            {isSelf ? <span className="shrink-0 text-xs text-muted-foreground">(you)</span> : null}
          </div>
          {user.email ? <span className="truncate text-[0.8125rem] text-muted-foreground">{user.email}</span> : null}
        </div>
        <div className="flex shrink-0 items-center gap-1.5">
          {member.muted && (canMute || isSelf) ? (
            <Badge variant="warning" title="Muted: can read, cannot post">
              <VolumeX aria-hidden="true" />
              Muted
            </Badge>
          ) : null}
          {canManage ? null : <RoleBadge role={member.role} />}
        </div>
      </div>

      {showControls ? (
        <div className="flex items-center gap-2 pl-11">
          {canManage ? (
            <div className="relative min-w-0 flex-1">
              <Select
                name="role"
                aria-label={`Role of ${displayName}`}
                value={optimisticRole}
                onChange={(event) => changeRole(event.currentTarget.value)}
                disabled={rolePending}
                className="h-8"
              >
                {ROLE_OPTIONS.map((option) => (
                  <option key={option.value} value={option.value}>
                    {option.label}
                  </option>
                ))}
              </Select>
              {rolePending ? (
                <LoaderCircle aria-hidden="true" className="absolute top-1/2 right-8 size-3.5 -translate-y-1/2 animate-spin text-muted-foreground" />
              ) : null}
            </div>
          ) : (
            <span className="flex-1" />
          )}
          {canMute && !isSelf ? (
            <form action={muteAction}>
              <SubmitButton
                name="muted"
                value={member.muted ? "false" : "true"}
                variant="ghost"
                size="sm"
                className="text-muted-foreground hover:text-foreground"
                title={member.muted ? "Let them post again" : "Keep read access, stop them posting"}
                aria-label={member.muted ? `Unmute ${displayName}` : `Mute ${displayName}`}
              >
                {member.muted ? <Volume2 aria-hidden="true" /> : <VolumeX aria-hidden="true" />}
                {member.muted ? "Unmute" : "Mute"}
              </SubmitButton>
            </form>
          ) : null}
          {canManage && !isSelf ? <RemoveMemberButton groupId={groupId} groupName={groupName} userId={user.id} displayName={displayName} /> : null}
        </div>
      ) : null}

      {errors.length > 0 ? (
        <div role="alert" className="ml-11 flex items-start gap-1.5 text-[0.8125rem] leading-5 font-medium text-destructive">
          <CircleAlert aria-hidden="true" className="mt-0.5 size-3.5 shrink-0" />
          <span className="flex-1">{errors[0]}</span>
          <button
            type="button"
            onClick={() => setDismissed(roleState.error === errors[0] ? roleState : muteState)}
            className="cursor-pointer rounded-sm text-xs font-normal text-muted-foreground underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring"
          >
            Dismiss
          </button>
        </div>
      ) : null}
    </li>
  );
}

function RemoveMemberButton({ groupId, groupName, userId, displayName }: { groupId: string; groupName: string; userId: string; displayName: string }) {
  const remove = useMemo(() => removeMemberAction.bind(null, groupId, userId), [groupId, userId]);
  return (
    <ConfirmActionDialog
      action={remove}
      trigger={
        <Button
          variant="ghost"
          size="icon-sm"
          className="text-muted-foreground hover:bg-destructive/10 hover:text-destructive"
          aria-label={`Remove ${displayName} from the group`}
          title="Remove from group"
        >
          <Trash2 aria-hidden="true" />
        </Button>
      }
      title={<>Remove {displayName}?</>}
      description={<>They will lose access to {groupName}, its texts and its discussion. Their annotations stay. You can add them again later.</>}
      confirmLabel="Remove from group"
      pendingLabel="Removing…"
      cancelLabel="Cancel"
    />
  );
}

export { MemberRow };
