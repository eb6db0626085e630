/** IRIs a client names in `Prefer: return=representation; include="…"` (Protocol §4.2, LDP §7.2). */
export const PREFER_MINIMAL_CONTAINER = "http://www.w3.org/ns/ldp#PreferMinimalContainer";
export const PREFER_CONTAINED_IRIS = "http://www.w3.org/ns/oa#PreferContainedIRIs";
export const PREFER_CONTAINED_DESCRIPTIONS = "http://www.w3.org/ns/oa#PreferContainedDescriptions";
/** LDP's older name for a minimal container; clients still send it. */
const PREFER_EMPTY_CONTAINER = "http://www.w3.org/ns/ldp#PreferEmptyContainer";

/** What a client asked the container to embed. `null` fields: the client said nothing about it. */
export type ContainerPreference = {
  /** true: no annotations and no embedded page, only the container's own description. */
  minimal: boolean | null;
  /** true: pages list annotation IRIs; false: full descriptions. */
  iris: boolean | null;
  /** Whether a `return=representation` preference was present, so the answer can say it applied it. */
  representation: boolean;
};

/** Splits a header value on `sep`, leaving separators inside double quotes alone. */
function splitOutsideQuotes(value: string, sep: string): string[] {
  const parts: string[] = [];
  let current = "";
  let quoted = false;
  for (const ch of value) {
    if (ch === '"') quoted = !quoted;
    if (ch === sep && !quoted) {
      parts.push(current);
      current = "";
    } else current += ch;
  }
  parts.push(current);
  return parts.map((p) => p.trim()).filter(Boolean);
}

function paramValue(raw: string): string {
  const value = raw.trim();
  return value.startsWith('"') && value.endsWith('"') && value.length >= 2 ? value.slice(1, -1) : value;
}

/**
 * Reads the container preferences out of one or more Prefer headers (RFC 7240). Unknown
 * preferences and IRIs are ignored, as the RFC asks. When a client both includes and omits
 * descriptions, or names both IRIs and descriptions, the fuller answer (descriptions) wins.
 */
export function parsePrefer(header: string | null | undefined): ContainerPreference {
  const result: ContainerPreference = { minimal: null, iris: null, representation: false };
  if (!header) return result;
  for (const preference of splitOutsideQuotes(header, ",")) {
    const [head, ...params] = splitOutsideQuotes(preference, ";");
    const [name, value = ""] = head.split("=").map((s) => s.trim());
    if (name.toLowerCase() !== "return" || paramValue(value).toLowerCase() !== "representation") continue;
    result.representation = true;
    for (const param of params) {
      const eq = param.indexOf("=");
      if (eq < 0) continue;
      const key = param.slice(0, eq).trim().toLowerCase();
      const iris = paramValue(param.slice(eq + 1)).split(/\s+/).filter(Boolean);
      if (key === "include") {
        if (iris.includes(PREFER_MINIMAL_CONTAINER) || iris.includes(PREFER_EMPTY_CONTAINER)) result.minimal = true;
        if (iris.includes(PREFER_CONTAINED_DESCRIPTIONS)) result.iris = false;
        else if (iris.includes(PREFER_CONTAINED_IRIS) && result.iris === null) result.iris = true;
      } else if (key === "omit") {
        if (iris.includes(PREFER_CONTAINED_DESCRIPTIONS) && result.iris === null) result.iris = true;
        if (iris.includes(PREFER_MINIMAL_CONTAINER) || iris.includes(PREFER_EMPTY_CONTAINER)) result.minimal ??= false;
      }
    }
  }
  return result;
}
