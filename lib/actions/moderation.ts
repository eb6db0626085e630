"use server";

import { revalidatePath } from "next/cache";
import addModeratorNote from "@/lib/commands/add-moderator-note";
import bulkModerate from "@/lib/commands/bulk-moderate";
import lockThread from "@/lib/commands/lock-thread";
import markNotificationsRead from "@/lib/commands/mark-notifications-read";
import moderateAnnotation from "@/lib/commands/moderate-annotation";
import updateMember from "@/lib/commands/update-member";
import { withActor, type FormState } from "@/lib/http/action";

type Status = "approved" | "pending" | "hidden" | "spam";

/** Queue keys a/h/s and the action buttons: one item, or the selection in one transaction. */
export const moderateItemsAction = withActor(async (actor, groupId: string, ids: string[], status: Status, note?: string): Promise<FormState> => {
  if (ids.length === 1) await moderateAnnotation({ actorId: actor.id, annotationId: ids[0], input: { status, note } });
  else await bulkModerate({ actorId: actor.id, groupId, input: { ids, status, note } });
  revalidatePath(`/groups/${groupId}`, "layout");
  return { ok: true };
});

/** Lock or unlock the item's thread. */
export const lockThreadAction = withActor(async (actor, groupId: string, annotationId: string, locked: boolean): Promise<FormState> => {
  await lockThread({ actorId: actor.id, annotationId, locked });
  revalidatePath(`/groups/${groupId}/moderation`, "layout");
  return { ok: true };
});

/** The moderator-note form beside a queue item. */
export const addModeratorNoteAction = withActor(async (actor, groupId: string, annotationId: string, _prev: FormState, form: FormData): Promise<FormState> => {
  await addModeratorNote({ actorId: actor.id, annotationId, input: { body: form.get("body") } });
  revalidatePath(`/groups/${groupId}/moderation`, "layout");
  return { ok: true };
});

/** Mute or unmute an item's author from the queue (the members command writes the log row). */
export const muteAuthorAction = withActor(async (actor, groupId: string, userId: string, muted: boolean): Promise<FormState> => {
  await updateMember({ actorId: actor.id, groupId, userId, muted });
  revalidatePath(`/groups/${groupId}`, "layout");
  return { ok: true };
});

/** Inbox: mark some entries read, or all of them; the header's badge follows. */
export const markNotificationsReadAction = withActor(async (actor, ids: string[] | "all"): Promise<FormState> => {
  await markNotificationsRead({ actorId: actor.id, input: ids === "all" ? { all: true } : { ids } });
  revalidatePath("/", "layout");
  return { ok: true };
});
