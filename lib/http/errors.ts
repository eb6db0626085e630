import { AppError, ServiceUnavailableError } from "../errors";
import { isDatabaseOutage } from "../health/dependency";
import { errorFields, logger } from "../log";

const DATABASE_UNAVAILABLE = "The service is unavailable for a moment (its database cannot be reached); nothing was changed. Try again shortly.";

/** The documented JSON error body: `{"error": {"code", "message", "details"?}}`. */
export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit) {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/**
 * Maps any thrown value to a response. A database that cannot be reached is a 503 with
 * Retry-After (the request did not happen and may be repeated), recorded once per outage;
 * other unknown errors are logged and answered 500 without internals.
 */
export function toErrorResponse(error: unknown): Response {
  if (!(error instanceof AppError) && isDatabaseOutage(error, "api request")) error = new ServiceUnavailableError(DATABASE_UNAVAILABLE);
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if ((error.status === 429 || error.status === 503) && "retryAfterSeconds" in error) headers["Retry-After"] = String(Math.ceil(Number(error.retryAfterSeconds)));
    if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="marginalia"';
    return errorResponse(error.status, error.code, error.message, error.details, headers);
  }
  logger().error({ component: "api", ...errorFields(error), stack: error instanceof Error ? error.stack : undefined }, "unexpected error");
  return errorResponse(500, "internal_error", "Something went wrong on our side; nothing was changed");
}
