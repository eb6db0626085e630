import { readJsonObject } from "../http/body";
import { NotAcceptableError, UnsupportedMediaTypeError } from "./errors";
import { ACCEPTED_POST_TYPES, ANNO_MEDIA_TYPE, isJsonContentType, negotiate, type ResponseType } from "./media";

/** An annotation sent in a POST or PUT: JSON-LD or JSON (415 otherwise), an object (400), within the size limit (413). */
export async function readAnnotationBody(request: Request): Promise<Record<string, unknown>> {
  if (!isJsonContentType(request.headers.get("content-type"))) throw new UnsupportedMediaTypeError(ACCEPTED_POST_TYPES);
  return readJsonObject(request);
}

/** The type to answer with, by the request's Accept header (406 when it takes no JSON). */
export function responseType(request: Request): ResponseType {
  const type = negotiate(request.headers.get("accept"));
  if (!type) throw new NotAcceptableError([ANNO_MEDIA_TYPE, "application/json"]);
  return type;
}
