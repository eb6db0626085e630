/**
 * Finding the text an annotation created from outside means (a W3C TextQuoteSelector, with or
 * without a TextPositionSelector) in a plain text, usually the document's projection. Offsets are
 * code points; approx-string-match and String#indexOf work in UTF-16 units, converted here.
 */
import search from "approx-string-match";
import { codePointLength } from "../editor/projection";
import { CodePointIndex } from "./codepoints";

/** Least confidence an approximate match needs to be accepted. */
export const QUOTE_CONFIDENCE_THRESHOLD = 0.75;

// Context beyond this many code points says little about the place and only costs time.
const CONTEXT_WINDOW = 64;
// In an approximate match, the quote's own errors weigh more than its surroundings.
const CONTEXT_WEIGHT = 0.2;

/** A TextQuoteSelector plus the optional TextPositionSelector of the same target, in code points. */
export interface QuoteSelector {
  exact: string;
  prefix?: string;
  suffix?: string;
  start?: number;
  end?: number;
}

/** Where the quote was found, in code points; confidence 1 for an exact match. */
export interface QuoteMatch {
  start: number;
  end: number;
  confidence: number;
  method: "position" | "quote" | "approximate";
}

/** Why no single place was found: several equally good places, or none good enough. */
export interface QuoteFailure {
  error: "ambiguous" | "not_found";
}

interface Candidate {
  start: number;
  end: number;
  /** How well the place fits, higher is better. */
  score: number;
}

/** Edit distance between two code-point arrays. */
function levenshtein(a: string[], b: string[]): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}

/** How many code points of the given prefix and suffix are found around [start, end), out of how many were given. */
function contextAgreement(index: CodePointIndex, selector: QuoteSelector, start: number, end: number): { matched: number; total: number } {
  let matched = 0;
  let total = 0;
  const prefix = Array.from(selector.prefix ?? "").slice(-CONTEXT_WINDOW);
  const suffix = Array.from(selector.suffix ?? "").slice(0, CONTEXT_WINDOW);
  if (prefix.length > 0) {
    total += prefix.length;
    matched += Math.max(0, prefix.length - levenshtein(prefix, Array.from(index.slice(start - prefix.length, start))));
  }
  if (suffix.length > 0) {
    total += suffix.length;
    matched += Math.max(0, suffix.length - levenshtein(suffix, Array.from(index.slice(end, end + suffix.length))));
  }
  return { matched, total };
}

/** The single best candidate; among equals the one nearest the position hint; else ambiguous. */
function choose(candidates: Candidate[], hint: number | undefined): Candidate | null {
  const bestScore = candidates.reduce((max, c) => Math.max(max, c.score), -Infinity);
  let best = candidates.filter((c) => Math.abs(c.score - bestScore) < 1e-9);
  if (best.length > 1 && Number.isInteger(hint)) {
    const distance = (c: Candidate) => Math.abs(c.start - (hint as number));
    const nearest = best.reduce((min, c) => Math.min(min, distance(c)), Infinity);
    best = best.filter((c) => distance(c) === nearest);
  }
  return best.length === 1 ? best[0] : null;
}

/** Exact occurrences of `exact` that start and end on code-point boundaries. */
function occurrences(index: CodePointIndex, exact: string, length: number): Candidate[] {
  const found: Candidate[] = [];
  for (let unit = index.text.indexOf(exact); unit >= 0; unit = index.text.indexOf(exact, unit + 1)) {
    const start = index.toCodePoint(unit);
    if (index.toUtf16(start) === unit && index.toUtf16(start + length) === unit + exact.length) found.push({ start, end: start + length, score: 0 });
  }
  return found;
}

/** Approximate places of `exact`, one per overlapping group (the best-scoring), scored by confidence. */
function approximate(index: CodePointIndex, selector: QuoteSelector, length: number): Candidate[] {
  const maxErrors = Math.min(32, Math.floor(length / 4));
  // Nothing can match within budget; also spares the search a pathological pattern.
  if (maxErrors === 0 || selector.exact.length - maxErrors > index.text.length) return [];
  const scored = search(index.text, selector.exact, maxErrors).map((match) => {
    const start = index.toCodePoint(match.start);
    // Round an end inside a surrogate pair up, so the pair is taken whole.
    const end = index.toCodePoint(match.end) + (index.toUtf16(index.toCodePoint(match.end)) < match.end ? 1 : 0);
    const quoteScore = 1 - match.errors / selector.exact.length;
    const context = contextAgreement(index, selector, start, end);
    const score = context.total === 0 ? quoteScore : (1 - CONTEXT_WEIGHT) * quoteScore + (CONTEXT_WEIGHT * context.matched) / context.total;
    return { start, end, score };
  });
  scored.sort((a, b) => b.score - a.score || Math.abs(a.end - a.start - length) - Math.abs(b.end - b.start - length));
  const kept: Candidate[] = [];
  for (const candidate of scored) {
    if (!kept.some((k) => candidate.start < k.end && k.start < candidate.end)) kept.push(candidate);
  }
  return kept;
}

/**
 * Anchors a selector in `text`: the position if the text there equals `exact`; else the exact
 * quote, a repeated one told apart by prefix/suffix then by nearness to `start`; else the best
 * approximate match with confidence ≥ QUOTE_CONFIDENCE_THRESHOLD. Offsets are code points.
 */
export function anchorQuote(text: string, selector: QuoteSelector): QuoteMatch | QuoteFailure {
  const index = new CodePointIndex(text);
  const length = codePointLength(selector.exact);
  if (length === 0) return { error: "not_found" };
  const { start, end } = selector;
  if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && end === (start as number) + length && end <= index.length) {
    if (index.slice(start as number, end) === selector.exact) return { start: start as number, end, confidence: 1, method: "position" };
  }

  const exact = occurrences(index, selector.exact, length);
  if (exact.length > 0) {
    for (const candidate of exact) candidate.score = contextAgreement(index, selector, candidate.start, candidate.end).matched;
    const chosen = choose(exact, start);
    return chosen ? { start: chosen.start, end: chosen.end, confidence: 1, method: "quote" } : { error: "ambiguous" };
  }

  const close = approximate(index, selector, length).filter((c) => c.score >= QUOTE_CONFIDENCE_THRESHOLD);
  if (close.length === 0) return { error: "not_found" };
  const chosen = choose(close, start);
  return chosen ? { start: chosen.start, end: chosen.end, confidence: chosen.score, method: "approximate" } : { error: "ambiguous" };
}
