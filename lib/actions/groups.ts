"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import createGroup from "@/lib/commands/create-group";
import deleteGroup from "@/lib/commands/delete-group";
import inviteMember from "@/lib/commands/invite-member";
import removeMember from "@/lib/commands/remove-member";
import updateGroup from "@/lib/commands/update-group";
import updateMember from "@/lib/commands/update-member";
import { formValues, withActor, type FormState } from "@/lib/http/action";
import { requestOrigin } from "@/lib/http/request-origin";

/** New group form; redirects to the group. */
export async function createGroupAction(prev: FormState, form: FormData): Promise<FormState> {
  let groupId = "";
  const state = await withActor(async (actor) => {
    const { group } = await createGroup({ actorId: actor.id, input: { name: form.get("name"), moderation: form.get("moderation") ?? "post", description: form.get("description") || undefined } });
    groupId = group.id;
    return { ok: true };
  })();
  if (!state.ok) return { ...state, values: formValues(form, ["name", "description", "moderation"]) };
  redirect(`/groups/${groupId}`);
}

/** Group settings form (owners). */
export const updateGroupAction = withActor(async (actor, groupId: string, _prev: FormState, form: FormData) => {
  await updateGroup({
    actorId: actor.id,
    groupId,
    changes: {
      name: form.get("name"),
      moderation: form.get("moderation"),
      description: form.get("description") ?? "",
      anonymousToPeers: form.get("anonymousToPeers") === "on",
    },
  });
  revalidatePath(`/groups/${groupId}`);
  return { ok: true };
});

/** Add-member form (owners): invites by email; the person joins by accepting. */
export const addMemberAction = withActor(async (actor, groupId: string, _prev: FormState, form: FormData) => {
  await inviteMember({ actorId: actor.id, groupId, origin: await requestOrigin(), input: { email: form.get("email"), role: form.get("role") ?? "member" } });
  revalidatePath(`/groups/${groupId}`);
  return { ok: true };
});

/** Role select and mute toggle in the members list. */
export const updateMemberAction = withActor(async (actor, groupId: string, userId: string, _prev: FormState, form: FormData) => {
  const role = form.get("role");
  const muted = form.get("muted");
  await updateMember({
    actorId: actor.id,
    groupId,
    userId,
    role: role === null ? undefined : role,
    muted: muted === null ? undefined : muted === "true",
  });
  revalidatePath(`/groups/${groupId}`);
  return { ok: true };
});

/** Remove button in the members list (owners), or "leave group" for oneself. */
export const removeMemberAction = withActor(async (actor, groupId: string, userId: string) => {
  await removeMember({ actorId: actor.id, groupId, userId });
  revalidatePath(`/groups/${groupId}`);
  return { ok: true };
});

/** "Delete group…" confirmation (owners); redirects to the groups list. */
export async function deleteGroupAction(groupId: string, _prev?: FormState, _form?: FormData): Promise<FormState> {
  const state = await withActor(async (actor) => {
    await deleteGroup({ actorId: actor.id, groupId });
    return { ok: true };
  })();
  if (!state.ok) return state;
  revalidatePath("/groups");
  redirect("/groups");
}
