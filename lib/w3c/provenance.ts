import { ValidationError } from "../errors";

const MAX_IRI_LENGTH = 2048;
const MAX_VIA = 20;

/** An absolute IRI: a scheme, then something (http:, https:, urn:, tag: …). */
export function isIri(value: unknown): value is string {
  if (typeof value !== "string" || value.length > MAX_IRI_LENGTH || /\s/.test(value)) return false;
  if (!/^[a-z][a-z0-9+.-]*:./i.test(value)) return false;
  try {
    new URL(value);
    return true;
  } catch {
    return false;
  }
}

/** What the server keeps of a posted annotation's identity: `canonical` as sent, the rest as `via`. */
export type Provenance = { canonical?: string; via: string[] };

/**
 * Protocol §5.1: the server assigns its own id; a client's `canonical` is kept unchanged, and
 * the id it sent (when an IRI) is kept in `via` with any `via` it already had.
 */
export function provenanceOf(raw: Record<string, unknown>): Provenance {
  const canonical = raw.canonical;
  if (canonical !== undefined && !isIri(canonical)) throw new ValidationError("canonical must be an absolute IRI");
  const sent = raw.via === undefined ? [] : Array.isArray(raw.via) ? raw.via : [raw.via];
  if (!sent.every(isIri)) throw new ValidationError("via must be an absolute IRI or a list of them");
  const via = [...new Set([...(sent as string[]), ...(isIri(raw.id) ? [raw.id] : [])])];
  if (via.length > MAX_VIA) throw new ValidationError(`via holds at most ${MAX_VIA} IRIs`);
  return { ...(canonical === undefined ? {} : { canonical: canonical as string }), via };
}
