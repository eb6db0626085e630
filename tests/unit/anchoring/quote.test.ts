import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { anchorQuote, boundedLevenshtein, MAX_PLACES_SCORED, QUOTE_CONFIDENCE_THRESHOLD } from "../../../lib/anchoring/quote";

const TEXT = "The cat sat on the mat. Later the cat slept on the mat.\n\nA dog barked.";
const cp = (s: string) => Array.from(s);
/** Code-point offset of the n-th occurrence of `needle`. */
const at = (text: string, needle: string, n = 0) => {
  let unit = -1;
  for (let i = 0; i <= n; i++) unit = text.indexOf(needle, unit + 1);
  return cp(text.slice(0, unit)).length;
};

describe("anchorQuote", () => {
  it("takes the position when the text there is the quote", () => {
    const start = at(TEXT, "cat", 1);
    expect(anchorQuote(TEXT, { exact: "cat", start, end: start + 3 })).toEqual({ start, end: start + 3, confidence: 1, method: "position" });
  });

  it("falls back to the quote when the position is stale", () => {
    const start = at(TEXT, "dog");
    expect(anchorQuote(TEXT, { exact: "dog", start: start - 4, end: start - 1 })).toEqual({ start, end: start + 3, confidence: 1, method: "quote" });
    expect(anchorQuote(TEXT, { exact: "dog", start: 999, end: 1002 })).toMatchObject({ start, method: "quote" });
  });

  it("tells repeated quotes apart by prefix and suffix", () => {
    expect(anchorQuote(TEXT, { exact: "the cat", prefix: "Later ", suffix: " slept" })).toMatchObject({ start: at(TEXT, "the cat"), method: "quote" });
    expect(anchorQuote(TEXT, { exact: "the mat", suffix: ". Later" })).toMatchObject({ start: at(TEXT, "the mat", 0), method: "quote" });
    expect(anchorQuote(TEXT, { exact: "the mat", prefix: "slept on " })).toMatchObject({ start: at(TEXT, "the mat", 1), method: "quote" });
    // A context that is only close still decides.
    expect(anchorQuote(TEXT, { exact: "cat", prefix: "Latr the ", suffix: " slpt" })).toMatchObject({ start: at(TEXT, "cat", 1) });
  });

  it("uses the stale position to choose among equal candidates", () => {
    expect(anchorQuote(TEXT, { exact: "the mat", start: at(TEXT, "the mat", 1) + 2, end: at(TEXT, "the mat", 1) + 9 })).toMatchObject({
      start: at(TEXT, "the mat", 1),
      method: "quote",
    });
  });

  it("reports an ambiguous quote when nothing tells the places apart", () => {
    expect(anchorQuote(TEXT, { exact: "the mat" })).toEqual({ error: "ambiguous" });
    expect(anchorQuote(TEXT, { exact: "cat", prefix: "zzz", suffix: "qqq" })).toEqual({ error: "ambiguous" });
    expect(anchorQuote("abab", { exact: "ab", start: 1, end: 3 })).toEqual({ error: "ambiguous" });
  });

  it("finds a quote with typos approximately, with a confidence", () => {
    const text = "Four score and seven years ago our fathers brought forth on this continent a new nation.";
    const result = anchorQuote(text, { exact: "our fathrs brougt forth", prefix: "years ago ", suffix: " on this" });
    expect(result).toMatchObject({ method: "approximate", start: at(text, "our fathers"), end: at(text, " on this") });
    expect((result as { confidence: number }).confidence).toBeGreaterThanOrEqual(QUOTE_CONFIDENCE_THRESHOLD);
    expect((result as { confidence: number }).confidence).toBeLessThan(1);
  });

  it("rejects garbage, empty quotes and matches below the threshold", () => {
    expect(anchorQuote(TEXT, { exact: "zebra crossing quickly" })).toEqual({ error: "not_found" });
    expect(anchorQuote(TEXT, { exact: "" })).toEqual({ error: "not_found" });
    expect(anchorQuote(TEXT, { exact: "cow" })).toEqual({ error: "not_found" });
    // Within the error budget, but the context disagrees entirely: not confident enough.
    expect(anchorQuote(TEXT, { exact: "A dog barkd!", prefix: "nothing like this ", suffix: " at all" })).toEqual({ error: "not_found" });
  });

  it("reports an ambiguous approximate match", () => {
    expect(anchorQuote("alpha bravo charlie / alpha bravo charlie", { exact: "alpha brav0 charlie" })).toEqual({ error: "ambiguous" });
  });

  it("counts positions in code points around emoji, combining marks and RTL text", () => {
    const text = "😀 e\u0301t\u00e9 👩🏽‍🔬 שלום עולם 😀 done";
    const shalom = at(text, "שלום");
    expect(shalom).toBe(cp("😀 e\u0301t\u00e9 👩🏽‍🔬 ").length);
    expect(anchorQuote(text, { exact: "שלום", start: shalom, end: shalom + 4 })).toMatchObject({ method: "position", start: shalom });
    expect(anchorQuote(text, { exact: "שלום" })).toEqual({ start: shalom, end: shalom + 4, confidence: 1, method: "quote" });
    expect(anchorQuote(text, { exact: "👩🏽‍🔬" })).toEqual({ start: 7, end: 11, confidence: 1, method: "quote" });
    expect(anchorQuote(text, { exact: "e\u0301t\u00e9", start: 2, end: 6 })).toMatchObject({ method: "position" });
    expect(anchorQuote(text, { exact: "😀", suffix: " done" })).toMatchObject({ start: cp(text).length - 6, end: cp(text).length - 5 });
    const approx = anchorQuote(text, { exact: "שלום עולס 😀 done" });
    expect(approx).toMatchObject({ method: "approximate", start: shalom, end: cp(text).length });
  });

  it("never matches half of a surrogate pair", () => {
    expect(anchorQuote("😀", { exact: "\ud83d" })).toEqual({ error: "not_found" });
  });

  it("returns a place whose text is the quote for any quote taken from the text", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom("a", "b", "😀", "e\u0301", "ש", " "), { minLength: 1, maxLength: 40 }), fc.nat(), fc.nat(), (chars, i, j) => {
        const text = chars.join("");
        const points = cp(text);
        const start = i % points.length;
        const end = start + 1 + (j % (points.length - start));
        const exact = points.slice(start, end).join("");
        const result = anchorQuote(text, { exact, prefix: points.slice(Math.max(0, start - 8), start).join(""), suffix: points.slice(end, end + 8).join("") });
        if ("error" in result) expect(result.error).toBe("ambiguous");
        else expect(points.slice(result.start, result.end).join("")).toBe(exact);
        expect(anchorQuote(text, { exact, start, end })).toEqual({ start, end, confidence: 1, method: "position" });
      }),
      { numRuns: 300 },
    );
  });

  it("tells a place apart by a near context among more places than are scored", () => {
    // Every "cat" has its own number around it; the quote's context has one typo on each side.
    const count = MAX_PLACES_SCORED * 5;
    const text = Array.from({ length: count }, (_, i) => `[${i} says] cat [${i} ends]`).join(" ");
    const i = 777;
    const result = anchorQuote(text, { exact: "cat", prefix: `[${i} sayz] `, suffix: ` [${i} endz]` });
    expect(result).toMatchObject({ method: "quote", start: at(text, `[${i} says] cat`) + `[${i} says] `.length });
  });

  it("never calls a place unique when places it did not score might be as good", () => {
    const text = "a ".repeat(MAX_PLACES_SCORED * 10);
    expect(anchorQuote(text, { exact: "a", prefix: "a a a b", suffix: "b a a" })).toEqual({ error: "ambiguous" });
    expect(anchorQuote(text, { exact: "a", prefix: "q".repeat(64), suffix: "z".repeat(64) })).toEqual({ error: "ambiguous" });
    // Thousands of equally close approximate places, more than are scored.
    expect(anchorQuote("a".repeat(8_000), { exact: "b" + "a".repeat(399) })).toEqual({ error: "ambiguous" });
  });

  it("finds the place whose whole context agrees among a million occurrences, in one pass", () => {
    const text = "a ".repeat(500_000) + "here " + "a ".repeat(500_000);
    const result = anchorQuote(text, { exact: "a", prefix: "a a here ", suffix: " a a" });
    expect(result).toEqual({ start: 1_000_000 + "here ".length, end: 1_000_000 + "here ".length + 1, confidence: 1, method: "quote" });
  });

  it("computes the edit distance exactly up to its bound, and says 'more' beyond", () => {
    const full = (a: string[], b: string[]) => {
      let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
      for (let i = 1; i <= a.length; i++) {
        const current = [i];
        for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
        previous = current;
      }
      return previous[b.length];
    };
    const word = fc.array(fc.constantFrom("a", "b", "c", "😀"), { maxLength: 24 });
    fc.assert(
      fc.property(word, word, fc.nat(12), (a, b, max) => {
        const distance = full(a, b);
        expect(boundedLevenshtein(a, b, max)).toBe(distance <= max ? distance : max + 1);
      }),
      { numRuns: 500 },
    );
  });
});
