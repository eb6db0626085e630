import { z } from "zod";
import { email, role } from "./schemas";

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
