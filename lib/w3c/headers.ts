import { ACCEPTED_POST_TYPES, type ResponseType } from "./media";

/** Protocol §4.2: a container says it is an LDP BasicContainer constrained by the Annotation Protocol. */
export const CONTAINER_LINK = '<http://www.w3.org/ns/ldp#BasicContainer>; rel="type", <http://www.w3.org/TR/annotation-protocol/>; rel="http://www.w3.org/ns/ldp#constrainedBy"';
/** Protocol §4.1: an annotation is an LDP Resource. */
export const ANNOTATION_LINK = '<http://www.w3.org/ns/ldp#Resource>; rel="type"';

export const CONTAINER_ALLOW = "GET, HEAD, OPTIONS, POST";
export const ANNOTATION_ALLOW = "GET, HEAD, OPTIONS, PUT, DELETE";
export const PAGE_ALLOW = "GET, HEAD, OPTIONS";
export const ACCEPT_POST = ACCEPTED_POST_TYPES.join(", ");

/** Answers differ by Accept and Prefer, and by who asks (token or session cookie). */
export const VARY = "Accept, Prefer, Authorization, Cookie";

/** Per-viewer answers: caches may keep them for that viewer only, and must revalidate (ETag). */
const CACHE_CONTROL = "private, no-cache";

type Representation = { contentType: ResponseType; etag: string; contentLocation: string };

/** Headers of a container description (or, with `page`, of one of its pages). */
export function containerHeaders(r: Representation & { page?: boolean; preferenceApplied?: boolean }): Headers {
  const headers = new Headers({
    "Content-Type": r.contentType,
    ETag: r.etag,
    "Content-Location": r.contentLocation,
    Vary: VARY,
    "Cache-Control": CACHE_CONTROL,
  });
  if (r.page) headers.set("Allow", PAGE_ALLOW);
  else {
    headers.set("Allow", CONTAINER_ALLOW);
    headers.set("Link", CONTAINER_LINK);
    headers.set("Accept-Post", ACCEPT_POST);
  }
  if (r.preferenceApplied) headers.set("Preference-Applied", "return=representation");
  return headers;
}

/** Headers of one annotation: its IRI is its Content-Location. */
export function annotationHeaders(r: Representation): Headers {
  return new Headers({
    "Content-Type": r.contentType,
    ETag: r.etag,
    "Content-Location": r.contentLocation,
    Link: ANNOTATION_LINK,
    Allow: ANNOTATION_ALLOW,
    Vary: VARY,
    "Cache-Control": CACHE_CONTROL,
  });
}

/** OPTIONS: what the resource supports, without a body. */
export function optionsHeaders(kind: "container" | "annotation"): Headers {
  return kind === "container"
    ? new Headers({ Allow: CONTAINER_ALLOW, Link: CONTAINER_LINK, "Accept-Post": ACCEPT_POST, Vary: VARY })
    : new Headers({ Allow: ANNOTATION_ALLOW, Link: ANNOTATION_LINK, Vary: VARY });
}
