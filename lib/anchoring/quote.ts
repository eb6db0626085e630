/**
 * Finding the text an annotation created from outside means (a W3C TextQuoteSelector, with or
 * without a TextPositionSelector) in a plain text, usually the document's projection. Offsets are
 * code points; approx-string-match and String#indexOf work in UTF-16 units, converted here.
 *
 * Bounded by design, since the text and the selector both come from whoever posts: a place whose
 * prefix and suffix match exactly is found with one indexOf, before any edit distance; at most
 * MAX_PLACES_SCORED places have their context compared by edit distance, and that distance is
 * given up past half the context's length. The approximate search can still take long on large or
 * repetitive texts: lib/annotations/find-quote.ts runs it off the event loop with a time limit.
 */
import search from "approx-string-match";
import { CodePointIndex } from "./codepoints";

/** Least confidence an approximate match needs to be accepted. */
export const QUOTE_CONFIDENCE_THRESHOLD = 0.75;

/** Most places whose context is compared by edit distance; beyond, those whose context agrees most exactly are kept. */
export const MAX_PLACES_SCORED = 200;

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

/** The prefix and suffix actually compared: the CONTEXT_WINDOW code points next to the quote. */
interface Context {
  prefix: string[];
  suffix: string[];
}

const contextOf = (selector: QuoteSelector): Context => ({
  prefix: Array.from(selector.prefix ?? "").slice(-CONTEXT_WINDOW),
  suffix: Array.from(selector.suffix ?? "").slice(0, CONTEXT_WINDOW),
});

/**
 * Edit distance between two code-point arrays, or `max + 1` as soon as it must exceed `max`:
 * only the band of cells within `max` of the diagonal is computed, so the cost is
 * O(length × max) and a context that disagrees early stops early.
 */
export function boundedLevenshtein(a: string[], b: string[], max: number): number {
  const over = max + 1;
  if (Math.abs(a.length - b.length) > max) return over;
  let previous = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j <= max ? j : over;
  for (let i = 1; i <= a.length; i++) {
    const current = new Array<number>(b.length + 1).fill(over);
    current[0] = i <= max ? i : over;
    let rowMin = current[0];
    for (let j = Math.max(1, i - max); j <= Math.min(b.length, i + max); j++) {
      const cost = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      current[j] = Math.min(cost, over);
      rowMin = Math.min(rowMin, current[j]);
    }
    if (rowMin > max) return over;
    previous = current;
  }
  return previous[b.length];
}

/** Code points of one side of the context found around the place: its length less its edit distance, 0 past half its length. */
function sideAgreement(given: string[], found: string): number {
  if (given.length === 0) return 0;
  const max = Math.floor(given.length / 2);
  const distance = boundedLevenshtein(given, Array.from(found), max);
  return distance > max ? 0 : given.length - distance;
}

/** How many code points of the given prefix and suffix are found around [start, end), out of how many were given. */
function contextAgreement(index: CodePointIndex, context: Context, start: number, end: number): { matched: number; total: number } {
  const { prefix, suffix } = context;
  return {
    matched: sideAgreement(prefix, index.slice(start - prefix.length, start)) + sideAgreement(suffix, index.slice(end, end + suffix.length)),
    total: prefix.length + suffix.length,
  };
}

/**
 * For each window [from[k], to[k]) of the text (UTF-16 units, taken in the given order, along
 * which `from` and `to` never decrease), the sum of the differences between its unit counts and
 * those of `given`, in one pass over the text. One edit changes that sum by at most 2 (4 across
 * surrogate pairs), so it bounds the edit distance from below without computing it.
 */
function histogramDifferences(text: string, given: string, order: ArrayLike<number>, from: Int32Array, to: Int32Array): Int32Array {
  const counts = new Int32Array(65536);
  for (let i = 0; i < given.length; i++) counts[given.charCodeAt(i)]--;
  const differences = new Int32Array(order.length);
  let difference = given.length;
  let low = 0;
  let high = 0;
  for (let k = 0; k < order.length; k++) {
    for (const end = to[order[k]]; high < end; high++) {
      const unit = text.charCodeAt(high);
      difference += Math.abs(counts[unit] + 1) - Math.abs(counts[unit]);
      counts[unit]++;
    }
    for (const start = from[order[k]]; low < start; low++) {
      const unit = text.charCodeAt(low);
      difference += Math.abs(counts[unit] - 1) - Math.abs(counts[unit]);
      counts[unit]--;
    }
    differences[k] = difference;
  }
  return differences;
}

/** Indexes 0..n-1 by ascending edge; the identity when the edges already ascend (exact occurrences). */
function ascending(edges: Int32Array): Int32Array {
  let sorted = true;
  for (let i = 1; i < edges.length && sorted; i++) sorted = edges[i - 1] <= edges[i];
  const order = new Int32Array(edges.length);
  if (sorted) {
    for (let i = 0; i < edges.length; i++) order[i] = i;
    return order;
  }
  // Packs edge and index into one double for a native numeric sort: sorting objects would take seconds.
  if (edges.length > 2 ** 23) throw new RangeError(`Too many places to order: ${edges.length}`);
  const packed = new Float64Array(edges.length);
  for (let i = 0; i < edges.length; i++) packed[i] = edges[i] * 2 ** 23 + i;
  packed.sort();
  for (let i = 0; i < edges.length; i++) order[i] = packed[i] % 2 ** 23;
  return order;
}

/** For each candidate, the most its contextAgreement can be (a sound upper bound), from unit histograms. */
function agreementBounds(index: CodePointIndex, context: Context, candidates: Candidate[]): Int32Array {
  const bounds = new Int32Array(candidates.length);
  const astral = index.length !== index.text.length || /[\ud800-\udfff]/.test(context.prefix.join("") + context.suffix.join(""));
  const side = (given: string[], edges: Int32Array, lowest: number, highest: number) => {
    if (given.length === 0) return;
    const max = Math.floor(given.length / 2);
    const [from, to] = [new Int32Array(edges.length), new Int32Array(edges.length)];
    for (let i = 0; i < edges.length; i++) {
      from[i] = index.toUtf16(edges[i] + lowest);
      to[i] = index.toUtf16(edges[i] + highest);
    }
    const order = ascending(edges);
    const differences = histogramDifferences(index.text, given.join(""), order, from, to);
    for (let k = 0; k < order.length; k++) {
      const leastDistance = Math.ceil(differences[k] / (astral ? 4 : 2));
      bounds[order[k]] += leastDistance > max ? 0 : given.length - leastDistance;
    }
  };
  const starts = new Int32Array(candidates.length);
  const ends = new Int32Array(candidates.length);
  candidates.forEach((c, i) => {
    starts[i] = c.start;
    ends[i] = c.end;
  });
  side(context.prefix, starts, -context.prefix.length, 0);
  side(context.suffix, ends, 0, context.suffix.length);
  return bounds;
}

/** Candidates whose score was computed, and the rest, each with the most its score could be. */
interface Ranked {
  scored: Candidate[];
  unscored: { candidates: Candidate[]; isScored: Uint8Array; most: (i: number) => number };
}

const noneUnscored: Ranked["unscored"] = { candidates: [], isScored: new Uint8Array(0), most: () => -Infinity };

/**
 * Scores at most MAX_PLACES_SCORED candidates: those whose context bound is highest, among equal
 * bounds the nearest to the hint (else the first). `score` computes a candidate's score, `most`
 * turns a context bound into the most that candidate could score.
 */
function scoreMostPromising(index: CodePointIndex, context: Context, candidates: Candidate[], hint: number | undefined, score: (c: Candidate) => number, most: (c: Candidate, agreement: number) => number): Ranked {
  if (candidates.length <= MAX_PLACES_SCORED) return { scored: candidates.map((c) => ({ ...c, score: score(c) })), unscored: noneUnscored };
  const bounds = agreementBounds(index, context, candidates);
  // The lowest bound still taken whole, counting from the highest; part of the next level fills up.
  const perLevel = new Int32Array(2 * CONTEXT_WINDOW + 1);
  for (const bound of bounds) perLevel[bound]++;
  let level = perLevel.length - 1;
  let taken = 0;
  while (level > 0 && taken + perLevel[level] < MAX_PLACES_SCORED) taken += perLevel[level--];
  const isScored = new Uint8Array(candidates.length);
  let atLevel: number[] = [];
  for (let i = 0; i < candidates.length; i++) {
    if (bounds[i] > level) isScored[i] = 1;
    else if (bounds[i] === level) atLevel.push(i);
  }
  if (Number.isInteger(hint)) {
    const distance = (i: number) => Math.abs(candidates[i].start - (hint as number));
    atLevel = atLevel.sort((a, b) => distance(a) - distance(b));
  }
  for (const i of atLevel.slice(0, MAX_PLACES_SCORED - taken)) isScored[i] = 1;
  const scored: Candidate[] = [];
  for (let i = 0; i < candidates.length; i++) if (isScored[i]) scored.push({ ...candidates[i], score: score(candidates[i]) });
  return { scored, unscored: { candidates, isScored, most: (i) => most(candidates[i], bounds[i]) } };
}

const overlaps = (a: Candidate, b: Candidate) => a.start < b.end && b.start < a.end;

/**
 * Whether the winner among the scored candidates stands against the unscored ones: none could
 * score more, nor as much unless the hint prefers the winner (or, `sameIfOverlapping`, it is the
 * same place).
 */
function stands(winner: Candidate, unscored: Ranked["unscored"], hint: number | undefined, sameIfOverlapping: boolean): boolean {
  const distance = (c: Candidate) => Math.abs(c.start - (hint as number));
  for (let i = 0; i < unscored.candidates.length; i++) {
    if (unscored.isScored[i]) continue;
    const most = unscored.most(i);
    if (most < winner.score - 1e-9) continue;
    if (most > winner.score + 1e-9) return false;
    const c = unscored.candidates[i];
    if (sameIfOverlapping && overlaps(c, winner)) continue;
    if (!(Number.isInteger(hint) && distance(c) > distance(winner))) return false;
  }
  return true;
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

/** UTF-16 starts of the occurrences of `needle` that start and end on code-point boundaries of the text. */
function occurrences(index: CodePointIndex, needle: string): number[] {
  const found: number[] = [];
  const length = new CodePointIndex(needle).length;
  for (let unit = index.text.indexOf(needle); unit >= 0; unit = index.text.indexOf(needle, unit + 1)) {
    const start = index.toCodePoint(unit);
    if (index.toUtf16(start) === unit && index.toUtf16(start + length) === unit + needle.length) found.push(unit);
  }
  return found;
}

/** The exact occurrences of the quote, scored by how well their context agrees (at most MAX_PLACES_SCORED of them). */
function exactPlaces(index: CodePointIndex, selector: QuoteSelector, length: number): Ranked {
  const context = contextOf(selector);
  const total = context.prefix.length + context.suffix.length;
  if (total > 0) {
    // Places whose whole context agrees have the best possible score: no edit distance needed.
    const whole = occurrences(index, context.prefix.join("") + selector.exact + context.suffix.join(""));
    if (whole.length > 0) {
      const scored = whole.map((unit) => {
        const start = index.toCodePoint(unit) + context.prefix.length;
        return { start, end: start + length, score: total };
      });
      return { scored, unscored: noneUnscored };
    }
  }
  const places = occurrences(index, selector.exact).map((unit) => {
    const start = index.toCodePoint(unit);
    return { start, end: start + length, score: 0 };
  });
  if (total === 0) return { scored: places, unscored: noneUnscored };
  return scoreMostPromising(index, context, places, selector.start, (c) => contextAgreement(index, context, c.start, c.end).matched, (_, agreement) => agreement);
}

/** Approximate places of `exact`, one per overlapping group (the best-scoring), scored by confidence; [] when none is close. */
function approximate(index: CodePointIndex, selector: QuoteSelector, length: number): Ranked {
  const maxErrors = Math.min(32, Math.floor(length / 4));
  // Nothing can match within budget; also spares the search a pathological pattern.
  if (maxErrors === 0 || selector.exact.length - maxErrors > index.text.length) return { scored: [], unscored: noneUnscored };
  const context = contextOf(selector);
  const total = context.prefix.length + context.suffix.length;
  const confidence = (quoteScore: number, agreement: number) => (total === 0 ? quoteScore : (1 - CONTEXT_WEIGHT) * quoteScore + (CONTEXT_WEIGHT * agreement) / total);
  const found = search(index.text, selector.exact, maxErrors).map((match) => {
    const start = index.toCodePoint(match.start);
    // Round an end inside a surrogate pair up, so the pair is taken whole.
    const end = index.toCodePoint(match.end) + (index.toUtf16(index.toCodePoint(match.end)) < match.end ? 1 : 0);
    // The quote's own score, until the context is weighed in.
    return { start, end, score: 1 - match.errors / selector.exact.length };
  });
  const { scored, unscored } = scoreMostPromising(
    index,
    context,
    found,
    selector.start,
    (c) => confidence(c.score, contextAgreement(index, context, c.start, c.end).matched),
    (c, agreement) => confidence(c.score, agreement),
  );
  scored.sort((a, b) => b.score - a.score || Math.abs(a.end - a.start - length) - Math.abs(b.end - b.start - length));
  const kept: Candidate[] = [];
  for (const candidate of scored) {
    if (!kept.some((k) => overlaps(candidate, k))) kept.push(candidate);
  }
  return { scored: kept, unscored };
}

/** The position, when the text there is the quote. */
function atPosition(index: CodePointIndex, selector: QuoteSelector, length: number): QuoteMatch | null {
  const { start, end } = selector;
  if (Number.isInteger(start) && Number.isInteger(end) && (start as number) >= 0 && end === (start as number) + length && end <= index.length) {
    if (index.slice(start as number, end) === selector.exact) return { start: start as number, end, confidence: 1, method: "position" };
  }
  return null;
}

/**
 * Anchors a selector by its position or its exact quote only (bounded, fast): the position if
 * the text there equals `exact`; else the exact quote, a repeated one told apart by
 * prefix/suffix then by nearness to `start`. `not_found` means only an approximate match remains.
 */
export function anchorExactQuote(text: string, selector: QuoteSelector): QuoteMatch | QuoteFailure {
  const index = new CodePointIndex(text);
  const length = new CodePointIndex(selector.exact).length;
  if (length === 0) return { error: "not_found" };
  const positioned = atPosition(index, selector, length);
  if (positioned) return positioned;
  const { scored, unscored } = exactPlaces(index, selector, length);
  if (scored.length === 0) return { error: "not_found" };
  const chosen = choose(scored, selector.start);
  return chosen && stands(chosen, unscored, selector.start, false) ? { start: chosen.start, end: chosen.end, confidence: 1, method: "quote" } : { error: "ambiguous" };
}

/**
 * Anchors a selector in `text`: as anchorExactQuote, else the best approximate match with
 * confidence ≥ QUOTE_CONFIDENCE_THRESHOLD. Offsets are code points.
 */
export function anchorQuote(text: string, selector: QuoteSelector): QuoteMatch | QuoteFailure {
  const exact = anchorExactQuote(text, selector);
  if (!("error" in exact) || exact.error === "ambiguous" || selector.exact.length === 0) return exact;
  const index = new CodePointIndex(text);
  const { scored, unscored } = approximate(index, selector, new CodePointIndex(selector.exact).length);
  const close = scored.filter((c) => c.score >= QUOTE_CONFIDENCE_THRESHOLD);
  if (close.length === 0) return { error: "not_found" };
  const chosen = choose(close, selector.start);
  return chosen && stands(chosen, unscored, selector.start, true) ? { start: chosen.start, end: chosen.end, confidence: chosen.score, method: "approximate" } : { error: "ambiguous" };
}
