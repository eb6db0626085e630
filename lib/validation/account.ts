import { z } from "zod";
import { MIN_PASSWORD_LENGTH } from "../auth/password";
import { text } from "./text";

export const passwordChangeInput = z
  .object({
    /** Proves it is the account's owner at the keyboard, not someone at an unlocked screen. */
    currentPassword: z.string().max(200).default(""),
    newPassword: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
  })
  .refine((v) => v.newPassword !== v.currentPassword, { message: "Choose a password different from the current one", path: ["newPassword"] });

/** What happens to my notes that the group can see when my account goes. */
export const GROUP_NOTES_CHOICES = ["keep", "delete"] as const;

export const accountDeleteInput = z.object({
  /** The account's password (accounts that only sign in through GitHub or Google have none). */
  password: z.string().max(200).default(""),
  /** keep: they stay, signed "Deleted user"; delete: they go, with the replies under them. */
  groupNotes: z.enum(GROUP_NOTES_CHOICES, { message: `groupNotes is one of: ${GROUP_NOTES_CHOICES.join(", ")}` }),
});

/** Days an API token may live; absent = until revoked. */
export const MAX_TOKEN_DAYS = 365;
export const tokenExpiry = z.coerce.number().int().min(1, "Let it live at least a day").max(MAX_TOKEN_DAYS, `A token can live ${MAX_TOKEN_DAYS} days at most`).optional();

export const accountExportQuery = z.object({
  /** jsonld: W3C annotations plus documents; markdown: the same to read. */
  format: text().pipe(z.enum(["jsonld", "markdown"], { message: "format is one of: jsonld, markdown" })).default("jsonld"),
});
