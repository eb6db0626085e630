import { z } from "zod";
import { text } from "./text";
import { email, id, role } from "./schemas";

/** How long an invitation may stay open, in days. */
export const MAX_INVITE_DAYS = 90;

export const inviteCreateInput = z.object({
  /** Role the newcomer gets; capped at the inviter's own (lib/commands/create-invite.ts). */
  role: role.default("member"),
  /** Days until the link stops working. */
  expiresInDays: z.number().int().min(1).max(MAX_INVITE_DAYS, `An invitation can stay open ${MAX_INVITE_DAYS} days at most`).default(7),
  /** How many people may join through it; absent or null = no limit (an emailed invitation defaults to 1). */
  maxUses: z.number().int().min(1, "Allow at least one use").max(10_000).nullable().optional(),
  /** Send the link to this address (when SMTP is configured). */
  email: email.optional(),
});
export type InviteCreateInput = z.infer<typeof inviteCreateInput>;

/** The secret part of an invitation link (base64url). */
export const inviteToken = z.string().min(16).max(128).regex(/^[A-Za-z0-9_-]+$/, "Malformed invitation link");

export const REACTION_KINDS = ["helpful", "question"] as const;
export type ReactionKind = (typeof REACTION_KINDS)[number];

/** "helpful", or "question": I have this question too. */
export const reactionKind = z.enum(REACTION_KINDS, { message: `kind must be one of: ${REACTION_KINDS.join(", ")}` });

export const searchInput = z
  .object({
    /** Words to find in notes, quotes and tags (web-search syntax: "exact phrase", -exclude, or). */
    q: text().trim().max(200, "Search for 200 characters at most").default(""),
    /** Only annotations by this user id. */
    author: id.optional(),
    /** Only annotations with this tag (exact, case-sensitive as typed on the annotation). */
    tag: text().trim().min(1).max(100).optional(),
    /** Only annotations on this document id. */
    document: id.optional(),
    /** Opaque position from a previous page's `next`. */
    cursor: text().max(300).optional(),
    /** Results per page. */
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .refine((v) => v.q !== "" || v.author || v.tag || v.document, { message: "Send q, or at least one of author, tag, document", path: ["q"] });
export type SearchInput = z.infer<typeof searchInput>;
