import { describe, expect, it } from "vitest";
import { avatarHue } from "../../../components/ui/avatar";
import { normalizeLinkInput } from "../../../components/editor/link-input";
import { peopleFromAwareness, presenceSignature } from "../../../components/editor/presence";
import { ariaChord, formatChord, isApplePlatform } from "../../../components/editor/shortcuts";
import {
  contrastRatio,
  isHexColor,
  oklchToHex,
  readAwarenessUser,
  readableTextOn,
  userColor,
} from "../../../components/editor/user-color";

const LIGHT_BACKGROUND = oklchToHex(0.982, 0.009, 85);
const DARK_BACKGROUND = oklchToHex(0.185, 0.008, 65);
const ids = Array.from({ length: 60 }, (_, i) => `user-${i}-${"x".repeat(i % 7)}`);

describe("userColor", () => {
  it("is a deterministic 6-digit hex (the only format y-tiptap accepts)", () => {
    for (const id of ids) {
      expect(userColor(id)).toMatch(/^#[0-9a-f]{6}$/);
      expect(userColor(id)).toBe(userColor(id));
    }
  });

  it("follows the avatar's hue, so avatar and caret match", () => {
    for (const id of ids) expect(userColor(id)).toBe(oklchToHex(0.53, 0.13, avatarHue(id)));
    expect(new Set(ids.map(userColor)).size).toBeGreaterThan(5);
  });

  it("stays visible on the light and the dark page, with AA text on its label", () => {
    for (const id of ids) {
      const color = userColor(id);
      expect(contrastRatio(color, LIGHT_BACKGROUND)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(color, DARK_BACKGROUND)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(color, readableTextOn(color))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it("converts known OKLCH values", () => {
    expect(oklchToHex(1, 0, 0)).toBe("#ffffff");
    expect(oklchToHex(0, 0, 0)).toBe("#000000");
    expect(oklchToHex(0.628, 0.2577, 29.23)).toBe("#ff0000");
  });
});

describe("readAwarenessUser", () => {
  it("derives the colour from the id, whatever the client claims", () => {
    expect(readAwarenessUser({ id: "u1", name: "Ada", color: "red; background: url(x)" }, 7)).toEqual({ id: "u1", name: "Ada", color: userColor("u1") });
  });

  it("falls back to a valid claimed colour, then to one derived from the client id", () => {
    expect(readAwarenessUser({ name: "Bot", color: "#123456" }, 7)?.color).toBe("#123456");
    expect(readAwarenessUser({ name: "Bot", color: "javascript:" }, 7)?.color).toBe(userColor("client:7"));
  });

  it("bounds and defaults the name, and refuses non-objects", () => {
    expect(readAwarenessUser({ id: "u1", name: "   " }, 1)?.name).toBe("Anonymous");
    expect(readAwarenessUser({ id: "u1", name: "n".repeat(500) }, 1)?.name).toHaveLength(80);
    expect(readAwarenessUser(null, 1)).toBeNull();
    expect(readAwarenessUser("Ada", 1)).toBeNull();
  });

  it("recognises hex colours", () => {
    expect(isHexColor("#a1B2c3")).toBe(true);
    expect(isHexColor("#abc")).toBe(false);
    expect(isHexColor("oklch(0.5 0.1 20)")).toBe(false);
  });
});

describe("peopleFromAwareness", () => {
  const states = new Map<number, Record<string, unknown>>([
    [3, { user: { id: "basil", name: "Basil", color: "#000000" }, cursor: {} }],
    [1, { user: { id: "ada", name: "Ada" } }],
    [9, { user: { id: "cyd", name: "Cyd" } }],
    [4, { user: { id: "basil", name: "Basil" } }],
    [5, {}],
  ]);

  it("lists each user once, you first, then by name, skipping states without a user", () => {
    const people = peopleFromAwareness(states, { clientId: 9, userId: "cyd" });
    expect(people.map((p) => [p.id, p.isSelf])).toEqual([["cyd", true], ["ada", false], ["basil", false]]);
    expect(people.find((p) => p.id === "basil")?.clientIds).toEqual([3, 4]);
    expect(people.find((p) => p.id === "basil")?.color).toBe(userColor("basil"));
  });

  it("marks you in another tab as you", () => {
    const people = peopleFromAwareness(states, { clientId: 100, userId: "ada" });
    expect(people[0]).toMatchObject({ id: "ada", isSelf: true });
  });

  it("has a signature that ignores caret moves and changes with the list", () => {
    const a = peopleFromAwareness(states, { clientId: 9, userId: "cyd" });
    const moved = new Map(states);
    moved.set(3, { ...states.get(3), cursor: { anchor: 1 } });
    expect(presenceSignature(peopleFromAwareness(moved, { clientId: 9, userId: "cyd" }))).toBe(presenceSignature(a));
    moved.delete(9);
    expect(presenceSignature(peopleFromAwareness(moved, { clientId: 9, userId: "cyd" }))).not.toBe(presenceSignature(a));
  });
});

describe("normalizeLinkInput", () => {
  it.each([
    ["https://example.com/a?b#c", "https://example.com/a?b#c"],
    ["  http://example.com  ", "http://example.com"],
    ["mailto:ada@example.com", "mailto:ada@example.com"],
    ["example.com", "https://example.com"],
    ["www.example.org/path?q=1", "https://www.example.org/path?q=1"],
    ["ada@example.com", "mailto:ada@example.com"],
  ])("accepts %j as %j", (input, href) => expect(normalizeLinkInput(input)).toBe(href));

  it.each(["", "   ", "javascript:alert(1)", "JAVASCRIPT:alert(1)", "data:text/html,x", "ftp://example.com", "/relative", "#top", "just words", "vbscript:x", "java\tscript:alert(1)"])(
    "refuses %j",
    (input) => expect(normalizeLinkInput(input)).toBeNull(),
  );
});

describe("shortcuts", () => {
  it("formats chords for Apple and other systems", () => {
    expect(formatChord("Mod-b", true)).toBe("⌘B");
    expect(formatChord("Mod-Shift-s", true)).toBe("⌘⇧S");
    expect(formatChord("Mod-Alt-1", false)).toBe("Ctrl+Alt+1");
    expect(formatChord("Mod-Shift-z", false)).toBe("Ctrl+Shift+Z");
  });

  it("spells aria-keyshortcuts", () => {
    expect(ariaChord("Mod-b", true)).toBe("Meta+B");
    expect(ariaChord("Mod-Shift-8", false)).toBe("Control+Shift+8");
  });

  it("detects Apple platforms", () => {
    expect(isApplePlatform("MacIntel")).toBe(true);
    expect(isApplePlatform("iPhone")).toBe(true);
    expect(isApplePlatform("Linux x86_64")).toBe(false);
  });
});
