import { z } from "zod";

/**
 * The one string schema for everything we store, search or compare: PostgreSQL text cannot hold
 * U+0000, so a NUL is refused up front as a 400 naming the field, instead of failing the write.
 */
export const text = () => z.string().refine((value) => !value.includes("\u0000"), { message: "must not contain NUL characters (U+0000)" });
