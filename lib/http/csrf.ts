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

/**
 * CSRF defence for writes authenticated by the session cookie (an API token is never sent by a
 * browser on its own): the request must come from our origin (Origin or Sec-Fetch-Site) and carry
 * a JSON body type, which no cross-site form can send without a CORS preflight. SameSite=Lax
 * alone lets sibling subdomains and other ports of the same host through.
 */
export function assertSameSiteWrite(request: Request, fallbackHost?: string): void {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return;
  if (!isSameOriginRequest(request.headers, fallbackHost)) throw new CrossSiteRequestError();
  if (!isJsonContentType(request.headers.get("content-type"))) throw new UnsupportedMediaTypeError(["application/json", "application/ld+json"]);
}
