import { ANNO_MEDIA_TYPE } from "../presenters/annotation";

export { ANNO_MEDIA_TYPE };

/** Types a client may post an annotation as; the Protocol's own comes first. */
export const ACCEPTED_POST_TYPES = [ANNO_MEDIA_TYPE, "application/ld+json", "application/json"] as const;

/** What a response is sent as: JSON-LD with the anno profile, or plain JSON for clients that only take that. */
export type ResponseType = typeof ANNO_MEDIA_TYPE | "application/json";

function mediaRanges(accept: string) {
  return accept
    .split(",")
    .map((part) => {
      const [range, ...params] = part.split(";").map((s) => s.trim().toLowerCase());
      const q = params.find((p) => p.startsWith("q="));
      return { range, q: q ? Number(q.slice(2)) : 1 };
    })
    .filter((r) => r.range && Number.isFinite(r.q));
}

/**
 * Content negotiation (Protocol §4.1: JSON-LD is the default). Returns the type to answer
 * with, or null when the Accept header rules out every JSON type (406).
 */
export function negotiate(accept: string | null | undefined): ResponseType | null {
  if (!accept?.trim()) return ANNO_MEDIA_TYPE;
  const ranges = mediaRanges(accept);
  const refused = new Set(ranges.filter((r) => r.q <= 0).map((r) => r.range));
  let best: { type: ResponseType; q: number } | null = null;
  for (const { range, q } of ranges) {
    if (q <= 0) continue;
    const wildcard = range === "application/*" || range === "*/*";
    const type: ResponseType | null =
      range === "application/ld+json" || (wildcard && !refused.has("application/ld+json"))
        ? ANNO_MEDIA_TYPE
        : range === "application/json" || (wildcard && !refused.has("application/json"))
          ? "application/json"
          : null;
    if (!type) continue;
    if (!best || q > best.q || (q === best.q && type === ANNO_MEDIA_TYPE)) best = { type, q };
  }
  return best?.type ?? null;
}

/** Whether a request body's Content-Type is one the annotation endpoints read (JSON-LD or JSON). */
export function isJsonContentType(contentType: string | null | undefined): boolean {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  return type === "application/ld+json" || type === "application/json";
}
