import { z } from "zod";
import { text } from "./text";
import { id } from "./schemas";

export const FLAG_REASONS = ["spam", "abusive", "off_topic", "other"] as const;
export const MODERATION_STATUSES = ["approved", "pending", "hidden", "spam"] as const;
export const QUEUE_FILTERS = ["pending", "flagged", "hidden", "spam"] as const;
export type QueueFilter = (typeof QUEUE_FILTERS)[number];

/** Longest moderator note or flag explanation we keep. */
export const MAX_NOTE_CHARS = 2000;
/** Most items one bulk action may touch; the queue page selects at most a page of them. */
export const MAX_BULK_ITEMS = 100;

const note = text().trim().max(MAX_NOTE_CHARS, `Keep the note under ${MAX_NOTE_CHARS} characters`);

export const flagInput = z
  .object({
    /** Why the item should be looked at; `other` wants a few words in `text`. */
    reason: z.enum(FLAG_REASONS, { message: `reason must be one of: ${FLAG_REASONS.join(", ")}` }),
    /** Free text for the moderators; never shown to the author. */
    text: note.optional(),
  })
  .refine((v) => v.reason !== "other" || (v.text ?? "").length > 0, { message: "Say in a few words what is wrong", path: ["text"] });

/** A moderator's decision on one item: the status it should have, and why. */
export const moderationInput = z.object({
  status: z.enum(MODERATION_STATUSES, { message: `status must be one of: ${MODERATION_STATUSES.join(", ")}` }),
  /** Reason kept in the moderation log beside the change. */
  note: note.optional(),
});

export const bulkModerationInput = moderationInput.extend({
  /** Annotation ids of this group; all of them change, or none. */
  ids: z.array(id).min(1, "Select at least one item").max(MAX_BULK_ITEMS, `At most ${MAX_BULK_ITEMS} items at once`),
});

export const moderatorNoteInput = z.object({
  /** Seen by the group's moderators only; kept in the moderation log. */
  body: note.min(1, "Write the note first"),
});

export const queueQuery = z.object({
  /** Absent: everything that needs a decision (pending and flagged). */
  filter: z.enum(QUEUE_FILTERS, { message: `filter must be one of: ${QUEUE_FILTERS.join(", ")}` }).optional(),
  /** Opaque cursor from the previous page's nextCursor. */
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const logQuery = z.object({
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const notificationsQuery = z.object({
  /** `true`: unread entries only. */
  unread: z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1").optional(),
  cursor: text().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});

export const markReadInput = z
  .object({
    /** Entries to mark read; the actor's own only, others are ignored. */
    ids: z.array(id).min(1).max(500).optional(),
    /** Mark every entry read. */
    all: z.literal(true).optional(),
  })
  .refine((v) => v.ids !== undefined || v.all === true, "Send ids or all: true");
