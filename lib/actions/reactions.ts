"use server";

import resolveThread from "@/lib/commands/resolve-thread";
import toggleReaction from "@/lib/commands/toggle-reaction";
import { formError, requireActor, type FormState } from "@/lib/http/action";
import { requestOrigin } from "@/lib/http/request-origin";
import { presentAnnotation, type PresentedAnnotation } from "@/lib/presenters/annotation";

/** What the margin gets back: the new counts after a reaction, the whole annotation after resolving. */
export type ReactionActionState = FormState & {
  reactions?: { helpful: number; question: number };
  myReactions?: ("helpful" | "question")[];
  annotation?: PresentedAnnotation;
};

/** "Helpful" / "I have this question too" on a card: `on` adds the reaction, otherwise takes it back. */
export async function toggleReactionAction(annotationId: string, kind: "helpful" | "question", on: boolean): Promise<ReactionActionState> {
  try {
    const actor = await requireActor();
    const { reactions, myReactions } = await toggleReaction({ actorId: actor.id, annotationId, kind, on });
    return { ok: true, reactions, myReactions };
  } catch (error) {
    return formError(error);
  }
}

/** "Resolve" / "Reopen" on a thread (its author or a moderator); returns the annotation as the margin shows it. */
export async function resolveThreadAction(annotationId: string, resolved: boolean): Promise<ReactionActionState> {
  try {
    const actor = await requireActor();
    const { annotation, viewer } = await resolveThread({ actorId: actor.id, annotationId, resolved });
    return { ok: true, annotation: presentAnnotation(annotation, await requestOrigin(), viewer, { embedded: true }) };
  } catch (error) {
    return formError(error);
  }
}
