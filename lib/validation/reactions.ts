import { z } from "zod";

export const REACTION_KINDS = ["helpful", "question"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** "helpful", or "question": I have this question too. */
export const reactionKind = z.enum(REACTION_KINDS, { message: `kind must be one of: ${REACTION_KINDS.join(", ")}` });
