/**
 * One error type per meaning; lib/http/errors.ts maps them to HTTP in one place.
 * `code` is the machine-readable part of the JSON error body.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** Malformed input: bad JSON, wrong types, unknown values. */
export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super(400, "invalid_request", message, details);
  }
}

/** No credentials, or credentials that are wrong. */
export class UnauthorizedError extends AppError {
  constructor(message = "Sign in or send a valid API token") {
    super(401, "unauthorized", message);
  }
}

/** Visible but not allowed. Never used for things the actor may not see (those are NotFound). */
export class ForbiddenError extends AppError {
  constructor(message = "You do not have permission to do this") {
    super(403, "forbidden", message);
  }
}

/** Missing, or hidden from this actor: the two must be indistinguishable. */
export class NotFoundError extends AppError {
  constructor(what = "Resource") {
    super(404, "not_found", `${what} not found`);
  }
}

export class ConflictError extends AppError {
  constructor(message: string, code = "conflict") {
    super(409, code, message);
  }
}

export class PreconditionFailedError extends AppError {
  constructor(message = "The resource changed since you read it (ETag mismatch)") {
    super(412, "precondition_failed", message);
  }
}

export class PayloadTooLargeError extends AppError {
  constructor(limitBytes: number) {
    super(413, "payload_too_large", `The request body is larger than ${Math.round(limitBytes / 1024)} KiB`);
  }
}

/** Well-formed but impossible, e.g. a quote that is not in the text. */
export class UnprocessableError extends AppError {
  constructor(message: string, code = "unprocessable") {
    super(422, code, message);
  }
}

export class RateLimitedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(429, "rate_limited", `Too many attempts; try again in ${retryAfterSeconds < 60 ? `${Math.max(1, Math.ceil(retryAfterSeconds))} second(s)` : `${Math.ceil(retryAfterSeconds / 60)} minute(s)`}`);
  }
}

/** The server cannot take this work now (a queue is full); the client may retry after a while. */
export class ServiceUnavailableError extends AppError {
  constructor(
    message: string,
    code = "unavailable",
    readonly retryAfterSeconds = 5,
  ) {
    super(503, code, message);
  }
}
