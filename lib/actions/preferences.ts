"use server";

import { revalidatePath } from "next/cache";
import updatePreferences from "@/lib/commands/update-preferences";
import { withActor, type FormState } from "@/lib/http/action";

/** Settings → Notifications: the daily digest switch. */
export const updatePreferencesAction = withActor(async (actor, _prev: FormState, form: FormData): Promise<FormState> => {
  await updatePreferences({ actorId: actor.id, input: { digestEmail: form.get("digestEmail") === "on" } });
  revalidatePath("/settings");
  return { ok: true };
});
