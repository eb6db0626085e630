/** A key chord as Tiptap spells it ("Mod-Shift-s"); Mod is ⌘ on Apple systems, Ctrl elsewhere. */
export type Chord = string;

const APPLE_SYMBOLS: Record<string, string> = { Mod: "⌘", Shift: "⇧", Alt: "⌥", Ctrl: "⌃" };
const ARIA_NAMES: Record<string, string> = { Shift: "Shift", Alt: "Alt", Ctrl: "Control" };

function parts(chord: Chord): string[] {
  return chord.split("-").map((part) => (part.length === 1 ? part.toUpperCase() : part));
}

/** "⌘⇧S" on a Mac, "Ctrl+Shift+S" elsewhere: for titles and tooltips. */
export function formatChord(chord: Chord, apple: boolean): string {
  const keys = parts(chord);
  if (apple) return keys.map((key) => APPLE_SYMBOLS[key] ?? key).join("");
  return keys.map((key) => (key === "Mod" ? "Ctrl" : key)).join("+");
}

/** The same chord in aria-keyshortcuts syntax ("Meta+Shift+S", "Control+Shift+S"). */
export function ariaChord(chord: Chord, apple: boolean): string {
  return parts(chord)
    .map((key) => (key === "Mod" ? (apple ? "Meta" : "Control") : (ARIA_NAMES[key] ?? key)))
    .join("+");
}

export function isApplePlatform(platform: string): boolean {
  return /Mac|iPhone|iPad|iPod/i.test(platform);
}
