/**
 * Worst-case quotes, the kind a hostile client posts: `exact` repeated all over the text, with a
 * context that matches nowhere, almost everywhere, or exactly once; a pathological approximate
 * search. On texts of BENCH_QUOTE_SIZES characters (default 40 KB, 100 KB and 2 MB).
 *
 * Timed per case and size: anchorQuote (lib/anchoring/quote.ts) itself, and how long the event
 * loop is held while findQuote (lib/annotations/find-quote.ts, the request path: inline when
 * certainly cheap, else the worker thread with its time limit) answers, from
 * monitorEventLoopDelay. Baseline, measured in the same run: the unbounded scoring this replaced
 * (a full edit distance of the prefix and suffix at every occurrence), on the sizes where it
 * finishes in under a minute.
 */
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import { anchorQuote, type QuoteSelector } from "../lib/anchoring/quote";
import { findQuote } from "../lib/annotations/find-quote";
import { envInt, fmt, median, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";

const TARGETS = { stallMs: 50, twoMegabytesMs: 2_000 };
const PROSE = "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness. ";
const log = (m: string) => console.log(`[quote-search] ${m}`);

type Case = { name: string; text: (size: number) => string; selector: QuoteSelector; approximate?: boolean };

const CASES: Case[] = [
  { name: '"a" in "a a a …", made-up context', text: (n) => "a ".repeat(n / 2), selector: { exact: "a", prefix: "q".repeat(64), suffix: "z".repeat(64) } },
  { name: '"a" in "a a a …", context one letter off', text: (n) => "a ".repeat(n / 2), selector: { exact: "a", prefix: "a ".repeat(31) + "ab", suffix: "b" + " a".repeat(31) } },
  { name: '" " in prose, made-up context', text: (n) => PROSE.repeat(Math.ceil(n / PROSE.length)).slice(0, n), selector: { exact: " ", prefix: "x".repeat(64), suffix: "y".repeat(64) } },
  { name: '"a" with its exact context, once', text: (n) => "a ".repeat(n / 4) + "here " + "a ".repeat(n / 4), selector: { exact: "a", prefix: "a a here ", suffix: " a a" } },
  { name: "approximate, every place one error off", text: (n) => "a".repeat(n), selector: { exact: "b" + "a".repeat(399) }, approximate: true },
];

/** The scoring this replaced: a full edit distance of both context windows at every exact occurrence. */
function unboundedScoring(text: string, selector: QuoteSelector): number {
  const levenshtein = (a: string[], b: string[]) => {
    let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
    for (let i = 1; i <= a.length; i++) {
      const current = [i];
      for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      previous = current;
    }
    return previous[b.length];
  };
  const prefix = Array.from(selector.prefix ?? "").slice(-64);
  const suffix = Array.from(selector.suffix ?? "").slice(0, 64);
  let best = -1;
  for (let at = text.indexOf(selector.exact); at >= 0; at = text.indexOf(selector.exact, at + 1)) {
    const end = at + selector.exact.length;
    const score = prefix.length - levenshtein(prefix, Array.from(text.slice(Math.max(0, at - prefix.length), at))) + suffix.length - levenshtein(suffix, Array.from(text.slice(end, end + suffix.length)));
    best = Math.max(best, score);
  }
  return best;
}

/** Longest the event loop was held while `work` ran, in ms. */
async function stallDuring(work: () => Promise<unknown>): Promise<{ stallMs: number; elapsedMs: number; outcome: string }> {
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const started = performance.now();
  let outcome: string;
  try {
    const result = await work();
    outcome = JSON.stringify(result).slice(0, 40);
  } catch (error) {
    outcome = (error as { code?: string }).code ?? String(error);
  }
  const elapsedMs = performance.now() - started;
  // Let the histogram's timer fire once after synchronous work, or a stall that ends with the work goes unseen.
  await new Promise((resolve) => setTimeout(resolve, 20));
  histogram.disable();
  return { stallMs: histogram.max / 1e6, elapsedMs, outcome };
}

const benchmark: Benchmark = {
  name: "quote-search",
  description: "worst-case TextQuoteSelectors on 40 KB – 2 MB: anchoring time and event-loop stall, against the unbounded scoring",
  async run() {
    const sizes = (process.env.BENCH_QUOTE_SIZES ?? "40000,100000,2000000").split(",").map(Number);
    const runs = envInt("BENCH_RUNS", 3);
    // The unbounded baseline costs ~85 µs per occurrence: skip it where it would take over a minute.
    const baselineUpTo = envInt("BENCH_QUOTE_BASELINE_MAX", 200_000);
    // Warm the worker thread, so its start is not measured.
    await findQuote("a".repeat(70_000), { exact: "warm" });
    const rows: string[][] = [];
    const results: Record<string, unknown>[] = [];
    const targets: TargetResult[] = [];
    for (const size of sizes) {
      for (const c of CASES) {
        const text = c.text(size);
        const ours: number[] = [];
        if (!c.approximate || size <= 100_000) {
          for (let i = 0; i < runs; i++) {
            const started = performance.now();
            anchorQuote(text, c.selector);
            ours.push(performance.now() - started);
          }
        }
        const path = await stallDuring(() => findQuote(text, c.selector));
        let baseline: number | null = null;
        if (!c.approximate && size <= baselineUpTo) {
          const started = performance.now();
          unboundedScoring(text, c.selector);
          baseline = performance.now() - started;
        }
        const oursMs = ours.length ? median(ours) : null;
        log(`${size} ${c.name}: ours ${oursMs === null ? "–" : fmt(oursMs)} ms, request path ${fmt(path.elapsedMs)} ms (stall ${fmt(path.stallMs)} ms, ${path.outcome}), baseline ${baseline === null ? "–" : fmt(baseline)} ms`);
        rows.push([`${size / 1000} KB`, c.name, oursMs === null ? "–" : fmt(oursMs), fmt(path.elapsedMs), fmt(path.stallMs), path.outcome, baseline === null ? "–" : fmt(baseline)]);
        results.push({ size, case: c.name, oursMs, requestMs: path.elapsedMs, stallMs: path.stallMs, outcome: path.outcome, baselineMs: baseline });
        targets.push({ name: `stall, ${size / 1000} KB, ${c.name}`, measured: `${fmt(path.stallMs)} ms`, target: `≤ ${TARGETS.stallMs} ms`, met: path.stallMs <= TARGETS.stallMs });
        if (size >= 2_000_000 && oursMs !== null) targets.push({ name: `anchorQuote, 2 MB, ${c.name}`, measured: `${fmt(oursMs)} ms`, target: `≤ ${TARGETS.twoMegabytesMs} ms`, met: oursMs <= TARGETS.twoMegabytesMs });
      }
    }
    const text = [
      table(["text", "case", "anchorQuote ms", "request path ms", "event-loop stall ms", "answer", "unbounded baseline ms"], rows),
      "",
      "request path = findQuote: inline when certainly cheap, else the worker thread (2 s limit, then quote_search_timeout).",
      "event-loop stall = the longest delay monitorEventLoopDelay saw meanwhile (5 ms resolution).",
    ].join("\n");
    return { name: "quote-search", text, targets, data: { runs, results } };
  },
};

export default benchmark;
