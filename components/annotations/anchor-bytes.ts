import type { Anchor } from "@/lib/anchoring/anchors";

const cache = new Map<string, Anchor>();

function bytes(base64: string): Uint8Array {
  const binary = atob(base64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/** The Yjs anchor of a presented annotation (base64 pair), decoded once and shared. */
export function decodeAnchor(anchor: { start: string; end: string }): Anchor | null {
  const key = `${anchor.start}|${anchor.end}`;
  let decoded = cache.get(key);
  if (!decoded) {
    try {
      decoded = { start: bytes(anchor.start), end: bytes(anchor.end) };
    } catch {
      return null;
    }
    if (cache.size > 5000) cache.clear();
    cache.set(key, decoded);
  }
  return decoded;
}
