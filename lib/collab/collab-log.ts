import { componentLogger, errorFields } from "../log";

/** The collaboration server's failures as structured log lines: the extensions' default logger. */
export function collabLogger(message: string, error?: unknown) {
  const log = componentLogger("collab");
  if (error === undefined) log.error(message);
  else log.error(errorFields(error), message);
}
