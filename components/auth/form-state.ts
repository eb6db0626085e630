import type { FormState } from "@/lib/http/action";

/** The initial state of every form wired to a server action. */
export const emptyFormState: FormState = {};

/**
 * The message for a form's alert: none when every field error is already shown next to
 * its field, the action's summary otherwise (errors about fields the form does not show,
 * or errors that are not about a field at all).
 */
export function formAlert(state: FormState, shownFields: readonly string[]): string | undefined {
  if (!state.error) return undefined;
  const fields = Object.keys(state.fields ?? {});
  if (fields.length > 0 && fields.every((field) => shownFields.includes(field))) return undefined;
  return state.error;
}

/** A field's inline error, if the last submission had one. */
export function fieldError(state: FormState, field: string): string | undefined {
  return state.fields?.[field];
}
