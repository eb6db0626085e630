import { AppError } from "../errors";
import { isJsonContentType } from "../w3c/media";
import { UnsupportedMediaTypeError } from "../w3c/errors";
import { isSameOriginRequest } from "./origin";

/** Methods that change nothing; everything else is a write. */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/** A cookie-authenticated write that did not come from one of our own pages. */
export class CrossSiteRequestError extends AppError {
  constructor() {
    super(403, "cross_site_request", "Requests signed in by the session cookie must come from this site's own pages; API clients send Authorization: Bearer <token>");
  }
}

/** Why a cookie-authenticated write may not proceed, or null when it may (reads always may). */
function sameSiteWriteProblem(request: Request, fallbackHost?: string): AppError | null {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return null;
  if (!isSameOriginRequest(request.headers, fallbackHost)) return new CrossSiteRequestError();
  if (!isJsonContentType(request.headers.get("content-type"))) return new UnsupportedMediaTypeError(["application/json", "application/ld+json"]);
  return null;
}

/**
 * CSRF defence for writes authenticated by the session cookie (an API token is never sent by a
 * browser on its own): the request must come from our origin (Origin or Sec-Fetch-Site) and carry
 * a JSON body type, which no cross-site form can send without a CORS preflight. SameSite=Lax
 * alone lets sibling subdomains and other ports of the same host through.
 */
export function assertSameSiteWrite(request: Request, fallbackHost?: string): void {
  const problem = sameSiteWriteProblem(request, fallbackHost);
  if (problem) throw problem;
}

/** Whether the session cookie may speak for this request; a public route treats a request it may not speak for as anonymous. */
export function isSameSiteWrite(request: Request, fallbackHost?: string): boolean {
  return sameSiteWriteProblem(request, fallbackHost) === null;
}
