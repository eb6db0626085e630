import { currentUser, type Actor } from "../auth/current-user";
import { AppError, UnauthorizedError } from "../errors";
import { isDatabaseOutage } from "../health/dependency";

/** What every form's server action returns; the form shows `error` and per-field messages. */
export type FormState = {
  ok?: boolean;
  error?: string;
  fields?: Record<string, string>;
  /** A secret to show once (a new API token). */
  secret?: string;
  /** What just happened, when the form should say more than "saved". */
  notice?: string;
  /** Echo of submitted values so a failed form keeps what was typed. */
  values?: Record<string, string>;
};

function fieldErrors(error: AppError): Record<string, string> | undefined {
  const fields = (error.details as { fields?: { field: string | null; message: string }[] } | undefined)?.fields;
  if (!fields) return undefined;
  return Object.fromEntries(fields.filter((f) => f.field).map((f) => [f.field as string, f.message]));
}

/** What a form says when the database cannot be reached: the action did not happen, the form keeps what was typed. */
export const UNAVAILABLE_MESSAGE = "The server can't reach its database for a moment, so nothing was saved. Your work is still here; try again shortly.";

/**
 * Turns a thrown AppError into form state, and a database outage into a retryable message;
 * anything else is rethrown (Next redirects are errors too).
 */
export function formError(error: unknown, values?: Record<string, string>): FormState {
  if (error instanceof AppError) return { error: error.message, fields: fieldErrors(error), values };
  if (isDatabaseOutage(error, "server action")) return { error: UNAVAILABLE_MESSAGE, values };
  throw error;
}

/** The signed-in user; throws UnauthorizedError (a 401 form state once caught) when the session has ended. */
export async function requireActor(): Promise<Actor> {
  const actor = await currentUser();
  if (!actor) throw new UnauthorizedError("Your session has ended; sign in again");
  return actor;
}

/**
 * Wraps a server action: resolves the signed-in user (401 state otherwise) and maps
 * domain errors to form state. Authorization stays in the commands it calls.
 */
export function withActor<A extends unknown[]>(fn: (actor: Actor, ...args: A) => Promise<FormState>) {
  return async (...args: A): Promise<FormState> => {
    try {
      return await fn(await requireActor(), ...args);
    } catch (error) {
      return formError(error);
    }
  };
}

/** Plain string values of a form, for echoing back. */
export function formValues(form: FormData, keys: string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, typeof form.get(k) === "string" ? String(form.get(k)) : ""]));
}
