import { avatarHue } from "@/components/ui/avatar";

/**
 * Caret colours. y-tiptap only accepts 6-digit hex, so the avatar's OKLCH hue is converted here.
 * Lightness 0.53 sits between the light (L≈0.98) and dark (L≈0.19) page backgrounds: for all nine
 * avatar hues the caret line keeps ≥3.2:1 against both, and white label text ≥4.7:1 (WCAG AA).
 */
const CARET_LIGHTNESS = 0.53;
const CARET_CHROMA = 0.13;
const HEX = /^#[0-9a-f]{6}$/i;
const DARK_TEXT = "#1c1917";
const LIGHT_TEXT = "#ffffff";

function toSrgbChannel(linear: number): number {
  const clamped = Math.min(1, Math.max(0, linear));
  const gamma = clamped <= 0.0031308 ? 12.92 * clamped : 1.055 * clamped ** (1 / 2.4) - 0.055;
  return Math.round(gamma * 255);
}

/** OKLCH (hue in degrees) to #rrggbb, clamping out-of-gamut channels. */
export function oklchToHex(lightness: number, chroma: number, hue: number): string {
  const radians = (hue * Math.PI) / 180;
  const a = chroma * Math.cos(radians);
  const b = chroma * Math.sin(radians);
  const l = (lightness + 0.3963377774 * a + 0.2158037573 * b) ** 3;
  const m = (lightness - 0.1055613458 * a - 0.0638541728 * b) ** 3;
  const s = (lightness - 0.0894841775 * a - 1.291485548 * b) ** 3;
  const rgb = [
    4.0767416621 * l - 3.3077115913 * m + 0.2309699292 * s,
    -1.2684380046 * l + 2.6097574011 * m - 0.3413193965 * s,
    -0.0041960863 * l - 0.7034186147 * m + 1.707614701 * s,
  ];
  return `#${rgb.map((channel) => toSrgbChannel(channel).toString(16).padStart(2, "0")).join("")}`;
}

function relativeLuminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const [hi, lo] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** White or near-black, whichever has more contrast on `background`. */
export function readableTextOn(background: string): string {
  return contrastRatio(background, LIGHT_TEXT) >= contrastRatio(background, DARK_TEXT) ? LIGHT_TEXT : DARK_TEXT;
}

/** The caret colour of a user: the avatar's hue for the same id, so avatar and caret match. */
export function userColor(userId: string): string {
  return oklchToHex(CARET_LIGHTNESS, CARET_CHROMA, avatarHue(userId));
}

export function isHexColor(value: unknown): value is string {
  return typeof value === "string" && HEX.test(value);
}

/** What a client puts in its awareness `user` field. Anyone can write it; read it with `readAwarenessUser`. */
export type AwarenessUser = { id: string; name: string; color: string };

/**
 * A remote awareness `user` field made safe to show: bounded name, colour derived from the id
 * when there is one (consistent on every screen, whatever colour the client claims).
 */
export function readAwarenessUser(value: unknown, clientId: number): AwarenessUser | null {
  if (typeof value !== "object" || value === null) return null;
  const raw = value as Record<string, unknown>;
  const id = typeof raw.id === "string" && raw.id.length > 0 && raw.id.length <= 100 ? raw.id : null;
  const name = typeof raw.name === "string" && raw.name.trim() ? raw.name.trim().slice(0, 80) : "Anonymous";
  const color = id ? userColor(id) : isHexColor(raw.color) ? raw.color : userColor(`client:${clientId}`);
  return { id: id ?? `client:${clientId}`, name, color };
}
