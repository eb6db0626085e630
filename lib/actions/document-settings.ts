"use server";

import { revalidatePath } from "next/cache";
import followDocument from "@/lib/commands/follow-document";
import updateDocument from "@/lib/commands/update-document";
import { withActor, type FormState } from "@/lib/http/action";

/** The reading page's "Follow" switch. */
export const followDocumentAction = withActor(async (actor, documentId: string, follow: boolean): Promise<FormState> => {
  await followDocument({ actorId: actor.id, documentId, follow });
  revalidatePath(`/documents/${documentId}`);
  return { ok: true };
});

/** The reading page's hide-and-reveal switch (moderators). */
export const hideUntilPostedAction = withActor(async (actor, documentId: string, on: boolean): Promise<FormState> => {
  await updateDocument({ actorId: actor.id, documentId, changes: { hideUntilPosted: on } });
  revalidatePath(`/documents/${documentId}`);
  return { ok: true };
});
