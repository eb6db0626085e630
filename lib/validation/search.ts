import { z } from "zod";
import { text } from "./text";
import { id } from "./schemas";

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
