import { z } from "zod";
import { MAX_QUOTE_LENGTH } from "./annotation";

/** How an orphaned annotation is tied to the text again. */
export const reattachInput = z.discriminatedUnion("method", [
  z.object({
    /** Find the annotation's stored quote in the text again: the exact words, told apart by their prefix and suffix. */
    method: z.literal("quote"),
  }),
  z.object({
    /** Attach it to the words given here (the reader's selection), found exactly where `start`/`end` say, else by their quote. */
    method: z.literal("selection"),
    /** The selected words, as a TextQuoteSelector's `exact`. */
    exact: z.string().min(1, "exact must not be empty").max(MAX_QUOTE_LENGTH),
    /** Words just before them, to tell repeated words apart. */
    prefix: z.string().max(MAX_QUOTE_LENGTH).optional(),
    /** Words just after them. */
    suffix: z.string().max(MAX_QUOTE_LENGTH).optional(),
    /** Their place in the text projection, in code points (a TextPositionSelector). */
    start: z.number().int().min(0),
    end: z.number().int().min(1),
  }),
], { error: 'method must be "quote" or "selection"' });

export type ReattachInput = z.infer<typeof reattachInput>;
