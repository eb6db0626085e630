import { AppError } from "../errors";

/** The documented JSON error body: `{"error": {"code", "message", "details"?}}`. */
export function errorResponse(status: number, code: string, message: string, details?: unknown, headers?: HeadersInit) {
  return Response.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, { status, headers });
}

/** Maps any thrown value to a response; unknown errors are logged and answered 500 without internals. */
export function toErrorResponse(error: unknown): Response {
  if (error instanceof AppError) {
    const headers: Record<string, string> = {};
    if ((error.status === 429 || error.status === 503) && "retryAfterSeconds" in error) headers["Retry-After"] = String(Math.ceil(Number(error.retryAfterSeconds)));
    if (error.status === 401) headers["WWW-Authenticate"] = 'Bearer realm="marginalia"';
    return errorResponse(error.status, error.code, error.message, error.details, headers);
  }
  console.error("[api] unexpected error", error);
  return errorResponse(500, "internal_error", "Something went wrong on our side; nothing was changed");
}
