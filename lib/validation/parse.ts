import type { z } from "zod";
import { ValidationError } from "../errors";

/** Parses with a schema, turning zod's issues into one readable ValidationError. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((i) => ({ field: i.path.join(".") || null, message: i.message }));
  const message = fields.map((f) => (f.field ? `${f.field}: ${f.message}` : f.message)).join("; ");
  throw new ValidationError(message, { fields });
}
