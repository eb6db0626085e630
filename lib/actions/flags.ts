"use server";

import flagAnnotation from "@/lib/commands/flag-annotation";
import { withActor, type FormState } from "@/lib/http/action";

/** "Flag" in a card's menu: asks the group's moderators to look at a note (once per person). */
export const flagAnnotationAction = withActor(
  async (actor, annotationId: string, input: { reason: "spam" | "abusive" | "off_topic" | "other"; text?: string }): Promise<FormState> => {
    await flagAnnotation({ actorId: actor.id, annotationId, input });
    return { ok: true };
  },
);
