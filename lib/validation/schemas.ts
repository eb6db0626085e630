import { z } from "zod";
import { tokenExpiry } from "./account";
import { text } from "./text";
import { MIN_PASSWORD_LENGTH } from "../auth/password";
import { ROLES } from "../policies/roles";

/** Emails are compared lower-cased and trimmed everywhere. */
export const email = text().trim().toLowerCase().pipe(z.email({ message: "Enter a valid email address" })).pipe(text().max(254));

export const signUpInput = z.object({
  /** Shown to other members. */
  name: text().trim().min(1, "Enter your name").max(80),
  /** Addresses at marginalia.invalid are reserved (the "Deleted user" that signs what deleted accounts leave). */
  email: email.refine((value) => !value.endsWith("@marginalia.invalid"), "This address is reserved; use your own"),
  /** At least MIN_PASSWORD_LENGTH characters; argon2 handles any length we allow. */
  password: z.string().min(MIN_PASSWORD_LENGTH, `Use at least ${MIN_PASSWORD_LENGTH} characters`).max(200),
});

export const signInInput = z.object({
  email,
  password: z.string().min(1, "Enter your password").max(200),
});

export const tokenCreateInput = signInInput.extend({
  /** Helps the owner tell tokens apart in settings. */
  label: text().trim().min(1).max(80).optional(),
  /** Days until the token stops working; absent = until revoked. */
  expiresInDays: tokenExpiry,
});

export const tokenLabelInput = z.object({ label: text().trim().min(1, "Give the token a name").max(80), expiresInDays: tokenExpiry });

export const groupCreateInput = z.object({
  name: text().trim().min(1, "Give the group a name").max(120),
  /** post: visible at once, moderated after; pre: posts wait for approval. */
  moderation: z.enum(["post", "pre"]).default("post"),
  description: text().trim().max(2000).optional(),
  /** Seminar setting: members see "A classmate" instead of each other's names on annotations. */
  anonymousToPeers: z.boolean().optional(),
});

export const groupUpdateInput = groupCreateInput.partial();

export const role = z.enum(ROLES, { message: `role must be one of: ${ROLES.join(", ")}` });

export const memberAddInput = z.object({ email, role: role.default("member") });

export const memberUpdateInput = z
  .object({ role: role.optional(), muted: z.boolean().optional() })
  .refine((v) => v.role !== undefined || v.muted !== undefined, "Send role, muted or both");

/** Upper bound of a document body; the importer checks bytes too. */
export const MAX_DOCUMENT_CHARS = 2_000_000;

export const documentCreateInput = z.object({
  groupId: text().min(1).max(64),
  title: text().trim().min(1, "Give the document a title").max(300),
  /** How `content` is to be read; HTML is sanitised, Markdown rendered then sanitised. */
  format: z.enum(["text", "markdown", "html"]).default("text"),
  content: text().min(1, "Paste or upload some text").max(MAX_DOCUMENT_CHARS, "The text is too long (2 MB at most)"),
});

export const id = text().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, "Malformed id");

export const documentUpdateInput = z.object({
  title: text().trim().min(1, "Give the document a title").max(300).optional(),
  /** Seminar setting: members see the group's annotations only after posting their own first one. */
  hideUntilPosted: z.boolean().optional(),
});

export const mentionableQuery = z.object({
  /** What has been typed after the @; longer input is cut, as no name is longer. */
  q: text().default("").transform((q) => q.slice(0, 80)),
});
