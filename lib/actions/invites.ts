"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import acceptInvite from "@/lib/commands/accept-invite";
import acceptInvitation from "@/lib/commands/accept-invitation";
import declineInvitation from "@/lib/commands/decline-invitation";
import createInvite from "@/lib/commands/create-invite";
import revokeInvite from "@/lib/commands/revoke-invite";
import { formError, formValues, requireActor, withActor, type FormState } from "@/lib/http/action";
import { requestOrigin } from "@/lib/http/request-origin";

/** The new invitation, for the dialog to show its link once. */
export type InviteFormState = FormState & { invite?: { id: string; url: string; email: string | null; emailed?: boolean } };

const optionalNumber = (value: FormDataEntryValue | null) => (typeof value === "string" && value.trim() ? Number(value) : undefined);

/** "Invite people" dialog (owners): makes the link, emails it when an address is given. */
export async function createInviteAction(groupId: string, _prev: InviteFormState, form: FormData): Promise<InviteFormState> {
  const values = formValues(form, ["role", "expiresInDays", "maxUses", "email"]);
  try {
    const actor = await requireActor();
    const email = values.email.trim();
    const { invite, url, emailed } = await createInvite({
      actorId: actor.id,
      groupId,
      origin: await requestOrigin(),
      input: { role: values.role || "member", expiresInDays: optionalNumber(values.expiresInDays), maxUses: optionalNumber(values.maxUses), email: email || undefined },
    });
    revalidatePath(`/groups/${groupId}`);
    return { ok: true, invite: { id: invite.id, url, email: invite.email, emailed } };
  } catch (error) {
    return formError(error, values);
  }
}

/** Revoke button in the invitations list (owners). */
export const revokeInviteAction = withActor(async (actor, groupId: string, inviteId: string) => {
  await revokeInvite({ actorId: actor.id, groupId, inviteId });
  revalidatePath(`/groups/${groupId}`);
  return { ok: true };
});

/** "Join" on the invitation page: joins, then opens the group (also for someone already in it). */
export async function acceptInviteAction(token: string, _prev: FormState): Promise<FormState> {
  let groupId: string;
  try {
    const actor = await requireActor();
    ({ groupId } = await acceptInvite({ actorId: actor.id, token }));
  } catch (error) {
    return formError(error);
  }
  revalidatePath("/groups");
  redirect(`/groups/${groupId}`);
}

/** "Accept" on an invitation in the inbox: joins, then opens the group. */
export async function acceptInvitationAction(inviteId: string, _prev?: FormState): Promise<FormState> {
  let groupId: string;
  try {
    const actor = await requireActor();
    ({ groupId } = await acceptInvitation({ actorId: actor.id, inviteId }));
  } catch (error) {
    return formError(error);
  }
  revalidatePath("/groups");
  redirect(`/groups/${groupId}`);
}

/** "Decline" on an invitation in the inbox. */
export const declineInvitationAction = withActor(async (actor, inviteId: string) => {
  await declineInvitation({ actorId: actor.id, inviteId });
  revalidatePath("/inbox");
  return { ok: true };
});
