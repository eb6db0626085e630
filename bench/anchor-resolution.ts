/**
 * Re-anchoring many annotations after many edits: our Yjs anchors (resolveAnchors) against
 * quote-based anchoring as Hypothesis does it (anchorQuote: position hint, exact quote with
 * prefix/suffix, then approximate search), on the same document, annotations and edits.
 *
 * Setup (seeded, identical every run): a BENCH_CHARS-code-point document of paragraphs under
 * occasional headings (bench/lib/corpus.ts, through jsonToYUpdate); BENCH_ANNOTATIONS anchors made
 * with createAnchor on word-aligned ranges (a word up to a few paragraphs), with the W3C selectors
 * the server stores for them (quote, 32 code points of prefix and suffix, position); then
 * BENCH_EDITS edits by four editors: typed words and typos, deletions, deletions of annotated
 * words, paragraph splits and joins (re-creating the moved text as y-tiptap does).
 *
 * Timed: resolving all anchors with resolveAnchors on the edited doc (projection map included),
 * versus reading the doc's text and running anchorQuote for each stored selector. Correctness
 * is judged per annotation against the characters it was made on (bench/lib/doc-edits.ts).
 */
import os from "node:os";
import { performance } from "node:perf_hooks";
import * as Y from "yjs";
import { createAnchor, resolveAnchors, type Anchor, type ResolvedAnchor } from "../lib/anchoring/anchors";
import { decodeEdge } from "../lib/anchoring/encoding";
import { buildProjectionMap } from "../lib/anchoring/projection-map";
import { anchorQuote, type QuoteFailure, type QuoteMatch, type QuoteSelector } from "../lib/anchoring/quote";
import { reanchor, type StoredAnchor } from "../lib/annotations/reanchor";
import { jsonToYUpdate } from "../lib/editor/ydoc";
import { corpusJSON, corpusText, makeCorpus, phrase } from "./lib/corpus";
import { TrackedDoc, type Snapshot } from "./lib/doc-edits";
import { collectGarbage } from "./lib/gc";
import { profileInProcess } from "./lib/inprocess-profile";
import { loadAverage, ownCpuMs } from "./lib/proc";
import { seededRandom, type Random } from "./lib/random";
import { envInt, fmt, fmtInt, quantile, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";

const TARGETS = { speedup: 20, oursMs: 50 };

type Config = { chars: number; annotations: number; edits: number; runs: number; oursRuns: number; seed: number; live: boolean; profile: boolean };

function config(): Config {
  const runs = envInt("BENCH_RUNS", 5);
  return {
    chars: envInt("BENCH_CHARS", 100_000),
    annotations: envInt("BENCH_ANNOTATIONS", 10_000),
    edits: envInt("BENCH_EDITS", 1_000),
    runs,
    oursRuns: envInt("BENCH_OURS_RUNS", Math.max(30, runs * 6)),
    seed: envInt("BENCH_SEED", 1),
    live: process.env.BENCH_LIVE !== "0",
    profile: process.env.BENCH_PROFILE === "1",
  };
}

const log = (m: string) => console.log(`[anchor-resolution] ${m}`);

/** The editors' Yjs client ids (the document's own content comes from jsonToYUpdate's client). */
const EDITORS = [0x1001, 0x2002, 0x3003, 0x4004];

type Range = { start: number; end: number };

/** Word-aligned annotation ranges: mostly a few words, some sentences, a few spanning paragraphs. */
function annotationRanges(random: Random, text: string, count: number): Range[] {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  const ranges: Range[] = [];
  for (let i = 0; i < count; i++) {
    const r = random.next();
    const words = r < 0.45 ? random.int(1, 3) : r < 0.75 ? random.int(4, 12) : r < 0.95 ? random.int(13, 45) : random.int(46, 120);
    const first = random.int(0, starts.length - 1);
    ranges.push({ start: starts[first], end: ends[Math.min(ends.length - 1, first + words - 1)] });
  }
  return ranges;
}

type EditCounts = Record<"typed" | "typo" | "deleted" | "deletedAnnotated" | "split" | "joined", number>;

/** Applies `count` random edits; some delete words of randomly chosen annotations. */
function applyEdits(random: Random, tracked: TrackedDoc, count: number, annotated: { range: Range; keys: Float64Array }[], afterEach?: () => void): EditCounts {
  const counts: EditCounts = { typed: 0, typo: 0, deleted: 0, deletedAnnotated: 0, split: 0, joined: 0 };
  const { doc } = tracked;
  for (let e = 0; e < count; e++) {
    doc.clientID = EDITORS[e % EDITORS.length];
    const blocks = tracked.layout();
    const { block, index } = tracked.blockAt(blocks, random.int(0, blocks[blocks.length - 1].start + blocks[blocks.length - 1].length));
    const text = block.text.toString();
    const wordStarts = [0, ...[...text.matchAll(/ (?=\S)/g)].map((m) => m.index + 1)];
    const r = random.next();
    if (r < 0.38) {
      // A few words typed at a word boundary.
      const at = block.start + random.pick(wordStarts);
      tracked.insertText(at, phrase(random, random.int(1, 6)) + " ");
      counts.typed++;
    } else if (r < 0.48) {
      // A typo: one or two characters inside a word.
      tracked.insertText(block.start + random.int(0, block.length), random.pick(["e", "s", "th", "a", "’", "é"]));
      counts.typo++;
    } else if (r < 0.74) {
      // Backspacing or selecting and deleting 1–40 characters.
      const from = block.start + random.int(0, Math.max(0, block.length - 1));
      if (tracked.deleteText(from, from + random.int(1, 40))) counts.deleted++;
    } else if (r < 0.92) {
      // Deleting words someone annotated: a word of it, or a run of words from it onwards.
      for (let attempt = 0; attempt < 20; attempt++) {
        const { range, keys } = random.pick(annotated);
        const k = random.int(0, range.end - range.start - 1);
        if (keys[k] < 0) continue;
        const at = tracked.offsetOfKey(keys[k], blocks);
        if (at === null) continue;
        const { block: target } = tracked.blockAt(blocks, at);
        const content = target.text.toString();
        let from = at - target.start;
        while (from > 0 && content[from - 1] !== " ") from--;
        let to = at - target.start;
        const words = random.chance(0.7) ? 1 : random.int(2, 8);
        for (let w = 0; w < words && to < content.length; w++) {
          while (to < content.length && content[to] !== " ") to++;
          if (w < words - 1) to++;
        }
        if (to < content.length) to++; // the space after the last word
        tracked.deleteText(target.start + from, target.start + to);
        counts.deletedAnnotated++;
        break;
      }
    } else if (r < 0.98) {
      // Enter, mostly after a sentence.
      const sentenceEnds = [...text.matchAll(/[.?!] /g)].map((m) => m.index + 2);
      const at = sentenceEnds.length && random.chance(0.7) ? random.pick(sentenceEnds) : random.pick(wordStarts);
      tracked.splitBlock(block.start + at);
      counts.split++;
    } else if (index + 1 < blocks.length) {
      tracked.joinBlocks(index);
      counts.joined++;
    }
    afterEach?.();
  }
  return counts;
}

/** First to last surviving original character of each annotation, by Yjs identity and by lineage. */
function truths(snapshot: Snapshot, annotated: { range: Range; keys: Float64Array }[]) {
  const strictAt = new Map<number, number>();
  const originAt = new Map<number, number>();
  for (let i = 0; i < snapshot.strict.length; i++) {
    if (snapshot.strict[i] < 0) continue;
    strictAt.set(snapshot.strict[i], i);
    originAt.set(snapshot.origin[i], i);
  }
  const span = (keys: Float64Array, at: Map<number, number>): Range | null => {
    let start = Number.POSITIVE_INFINITY;
    let end = -1;
    for (const key of keys) {
      if (key < 0) continue;
      const i = at.get(key);
      if (i === undefined) continue;
      if (i < start) start = i;
      if (i + 1 > end) end = i + 1;
    }
    return end < 0 ? null : { start, end };
  };
  return annotated.map(({ keys }) => ({ strict: span(keys, strictAt), words: span(keys, originAt) }));
}

type Verdict = "same" | "partly" | "other" | "gone" | "missed";
const VERDICTS: Verdict[] = ["same", "partly", "other", "gone", "missed"];

/** Where a method put an annotation compared with where its characters are. */
function judge(found: Range | null, truth: Range | null): Verdict {
  if (!found) return truth ? "missed" : "gone";
  if (!truth) return "other";
  if (found.start === truth.start && found.end === truth.end) return "same";
  return found.start < truth.end && truth.start < found.end ? "partly" : "other";
}

function tally(verdicts: Verdict[]): Record<Verdict, number> {
  const counts = { same: 0, partly: 0, other: 0, gone: 0, missed: 0 };
  for (const v of verdicts) counts[v]++;
  return counts;
}

const timed = <T>(fn: () => T): { ms: number; value: T } => {
  const started = performance.now();
  const value = fn();
  return { ms: performance.now() - started, value };
};

function stats(ms: number[]) {
  return { runs: ms.length, min: Math.min(...ms), p50: quantile(ms, 0.5), p90: quantile(ms, 0.9), max: Math.max(...ms) };
}

const EDGE_STATES = ["alive", "deleted, its text alive", "its block or text deleted"] as const;

/**
 * Splits the anchors by what became of their edge characters — still there; deleted inside a
 * live Y.XmlText; or inside a deleted block or Y.XmlText (a join, a block deleted whole), where
 * resolution falls back through the ancestors' items — and times resolveAnchors on each group.
 */
function costByEdgeState(doc: Y.Doc, anchors: Anchor[], mapMs: number) {
  const stateOf = (bytes: Uint8Array): number => {
    const edge = decodeEdge(bytes);
    if (!edge || Y.getState(doc.store, edge.client) <= edge.clock) return 2;
    const item = Y.getItem(doc.store, Y.createID(edge.client, edge.clock));
    if (!(item instanceof Y.Item) || (item.parent as Y.AbstractType<unknown>)._item?.deleted) return 2;
    return item.deleted ? 1 : 0;
  };
  const groups: Anchor[][] = EDGE_STATES.map(() => []);
  for (const anchor of anchors) groups[Math.max(stateOf(anchor.start), stateOf(anchor.end))].push(anchor);
  const runs = 15;
  const rows = EDGE_STATES.map((state, i) => {
    const group = groups[i];
    if (!group.length) return { state, anchors: 0, usPerAnchor: Number.NaN };
    collectGarbage();
    resolveAnchors(doc, group);
    const ms = Array.from({ length: runs }, () => {
      const cpu0 = ownCpuMs();
      resolveAnchors(doc, group);
      return ownCpuMs() - cpu0;
    });
    return { state, anchors: group.length, usPerAnchor: (Math.max(0, quantile(ms, 0.5) - mapMs) * 1000) / group.length };
  });
  return { runs, rows };
}

const benchmark: Benchmark = {
  name: "anchor-resolution",
  description: "re-anchoring 10,000 annotations after 1,000 edits: Yjs anchors (resolveAnchors) vs quote-based (anchorQuote), same doc and edits",
  async run() {
    const cfg = config();
    const random = seededRandom(cfg.seed);

    // The document.
    const blocks = makeCorpus(random, cfg.chars);
    const doc = new Y.Doc();
    doc.clientID = EDITORS[0];
    Y.applyUpdate(doc, jsonToYUpdate(corpusJSON(blocks)));
    const tracked = new TrackedDoc(doc);
    const before = tracked.snapshot();
    const map0 = buildProjectionMap(doc);
    if (map0.text !== corpusText(blocks) || map0.text !== before.text) throw new Error("the projection of the bench document is not its corpus text");
    log(`document: ${fmtInt(map0.length)} code points in ${blocks.length} blocks`);

    // The annotations: anchors, plus the selectors the server stores at creation.
    const ranges = annotationRanges(random, before.text, cfg.annotations);
    const { ms: createMs, value: anchors } = timed(() => ranges.map((r) => createAnchor(doc, r.start, r.end, map0)));
    const created = resolveAnchors(doc, anchors);
    const selectors: QuoteSelector[] = created.map((c, i) => {
      if (c.orphaned || c.start !== ranges[i].start || c.end !== ranges[i].end) throw new Error(`annotation ${i} does not resolve to its range right after creation`);
      return { exact: c.exact, prefix: c.prefix, suffix: c.suffix, start: c.start, end: c.end };
    });
    const annotated = ranges.map((range) => ({ range, keys: before.strict.slice(range.start, range.end) }));
    log(`${fmtInt(anchors.length)} anchors created in ${fmt(createMs, 0)} ms (mean quote ${fmt(ranges.reduce((n, r) => n + r.end - r.start, 0) / ranges.length, 0)} code points)`);

    // The edits; with BENCH_LIVE (default) the stored anchors are also kept current as the
    // collaboration server does (lib/annotations/reanchor.ts after each settled edit).
    const stored: StoredAnchor[] = selectors.map((sel, i) => ({ id: String(i), anchor: anchors[i], start: sel.start!, end: sel.end!, exact: sel.exact, prefix: sel.prefix!, suffix: sel.suffix!, orphaned: false }));
    const reanchorMs: number[] = [];
    const rescuesPerEdit: number[] = [];
    let rescued = 0;
    const keepCurrent = () => {
      const started = performance.now();
      let rescues = 0;
      for (const change of reanchor(doc, stored)) {
        if (change.anchorChanged) rescues++;
        stored[Number(change.id)] = { id: change.id, anchor: change.anchor, start: change.start, end: change.end, exact: change.exact, prefix: change.prefix, suffix: change.suffix, orphaned: change.orphaned };
      }
      reanchorMs.push(performance.now() - started);
      rescuesPerEdit.push(rescues);
      rescued += rescues;
    };
    if (cfg.live) log(`applying ${cfg.edits} edits, re-anchoring all annotations after each (BENCH_LIVE=0 skips that)`);
    const { ms: editMs, value: edits } = timed(() => applyEdits(random, tracked, cfg.edits, annotated, cfg.live ? keepCurrent : undefined));
    const after = tracked.snapshot();
    const map1 = buildProjectionMap(doc);
    if (map1.text !== after.text) throw new Error("the bench's reading of the edited document differs from its projection");
    const truth = truths(after, annotated);
    const items = [...doc.store.clients.values()].reduce((n, structs) => n + structs.length, 0);
    const editSummary = Object.entries(edits).map(([k, v]) => `${v} ${k}`).join(", ");
    log(`${cfg.edits} edits in ${fmt(editMs / 1000, 1)} s: ${editSummary}; now ${fmtInt(map1.length)} code points, ${fmtInt(items)} Yjs structs`);
    const liveAnchors = stored.map((s) => s.anchor);

    // Timed runs. Each round: a full GC (untimed), a block of runs of ours, then one
    // quote-based run; wall time and this process's CPU time for each.
    const ours: number[] = [];
    const oursCpu: number[] = [];
    const oursLive: number[] = [];
    const mapOnly: number[] = [];
    const mapCpu: number[] = [];
    const quote: number[] = [];
    const quoteCpu: number[] = [];
    let oursResult: ResolvedAnchor[] = [];
    let liveResult: ResolvedAnchor[] = [];
    let quoteResult: (QuoteMatch | QuoteFailure)[] = [];
    for (let i = 0; i < 3; i++) resolveAnchors(doc, anchors);
    const quoteRun = () => {
      const text = buildProjectionMap(doc).text;
      return selectors.map((s) => anchorQuote(text, s));
    };
    const oursPerQuote = Math.ceil(cfg.oursRuns / cfg.runs);
    const load: number[] = [];
    for (let run = 0; run < cfg.runs; run++) {
      collectGarbage();
      load.push(loadAverage());
      for (let k = 0; k < oursPerQuote && ours.length < cfg.oursRuns; k++) {
        const cpu0 = ownCpuMs();
        const r = timed(() => resolveAnchors(doc, anchors));
        oursCpu.push(ownCpuMs() - cpu0);
        ours.push(r.ms);
        oursResult = r.value;
        mapOnly.push(timed(() => buildProjectionMap(doc)).ms);
        const mapCpu0 = ownCpuMs();
        buildProjectionMap(doc);
        mapCpu.push(ownCpuMs() - mapCpu0);
        if (cfg.live) {
          const l = timed(() => resolveAnchors(doc, liveAnchors));
          oursLive.push(l.ms);
          liveResult = l.value;
        }
      }
      collectGarbage();
      const qCpu0 = ownCpuMs();
      const q = timed(quoteRun);
      quoteCpu.push(ownCpuMs() - qCpu0);
      quote.push(q.ms);
      quoteResult = q.value;
      log(`round ${run + 1}/${cfg.runs}: ours p50 so far ${fmt(quantile(ours, 0.5), 2)} ms, quote-based ${fmt(q.ms, 0)} ms (load average ${load[run]})`);
    }

    // Cost by what happened to an anchor's edge characters (which path resolution takes).
    const byState = costByEdgeState(doc, anchors, quantile(mapCpu, 0.5));

    // Correctness, per annotation.
    const oursRanges = oursResult.map((r) => (r.orphaned ? null : { start: r.start, end: r.end }));
    const liveRanges = liveResult.map((r) => (r.orphaned ? null : { start: r.start, end: r.end }));
    const quoteRanges = quoteResult.map((r) => ("error" in r ? null : { start: r.start, end: r.end }));
    const verdicts = {
      oursStrict: tally(oursRanges.map((r, i) => judge(r, truth[i].strict))),
      oursWords: tally(oursRanges.map((r, i) => judge(r, truth[i].words))),
      ...(cfg.live ? { liveWords: tally(liveRanges.map((r, i) => judge(r, truth[i].words))) } : {}),
      quoteStrict: tally(quoteRanges.map((r, i) => judge(r, truth[i].strict))),
      quoteWords: tally(quoteRanges.map((r, i) => judge(r, truth[i].words))),
    };
    const oursQuoteMismatch = oursResult.filter((r, i) => !r.orphaned && truth[i].strict && r.exact !== after.text.slice(truth[i].strict!.start, truth[i].strict!.end)).length;
    const quoteMethods: Record<string, number> = {};
    for (const r of quoteResult) {
      const key = "error" in r ? r.error : r.method;
      quoteMethods[key] = (quoteMethods[key] ?? 0) + 1;
    }
    const bothSame = oursRanges.filter((r, i) => judge(r, truth[i].words) === "same" && judge(quoteRanges[i], truth[i].words) === "same").length;

    const o = stats(ours);
    const oc = stats(oursCpu);
    const q = stats(quote);
    const m = stats(mapOnly);
    const ratio = q.p50 / o.p50;
    const cpuRatio = quantile(quoteCpu, 0.5) / oc.p50;
    const n = cfg.annotations;
    const row = (label: string, s: ReturnType<typeof stats>, digits: number) => [label, String(s.runs), fmt(s.min, digits), fmt(s.p50, digits), fmt(s.p90, digits), fmt(s.max, digits), fmt((s.p50 * 1000) / n, 2)];
    const timeRows = [
      row("ours: resolveAnchors (map + all anchors)", o, 2),
      row("  the same, CPU time (process.cpuUsage)", oc, 2),
      [...row("  of which buildProjectionMap", m, 2).slice(0, 6), "–"],
      ...(cfg.live ? [row("ours on the anchors reanchor kept current", stats(oursLive), 2)] : []),
      row("quote-based: text + anchorQuote each", q, 0),
      row("  the same, CPU time (process.cpuUsage)", stats(quoteCpu), 0),
    ];
    const reanchorWith = (pred: (r: number) => boolean) => reanchorMs.filter((_, i) => pred(rescuesPerEdit[i]));
    const verdictRow = (label: string, v: Record<Verdict, number>) => [label, ...VERDICTS.map((k) => fmtInt(v[k]))];
    const off = (v: Record<Verdict, number>) => v.other + v.partly;
    const targets: TargetResult[] = [
      { name: `ours ≥ ${TARGETS.speedup}× faster than quote-based (p50/p50)`, measured: `${fmt(ratio, 0)}×`, target: `≥ ${TARGETS.speedup}×`, met: ratio >= TARGETS.speedup },
      { name: `ours resolves ${fmtInt(n)} anchors in < ${TARGETS.oursMs} ms (p50)`, measured: `${fmt(o.p50, 1)} ms (CPU ${fmt(oc.p50, 1)} ms)`, target: `< ${TARGETS.oursMs} ms`, met: o.p50 < TARGETS.oursMs },
      { name: "ours never on other characters than its own (Yjs identity)", measured: `${off(verdicts.oursStrict)} off`, target: "0", met: off(verdicts.oursStrict) === 0 && oursQuoteMismatch === 0 },
    ];
    let profileText = "";
    let profileFile: string | undefined;
    if (cfg.profile || !targets[1].met) {
      log("profiling 20 resolveAnchors runs in-process");
      const profile = await profileInProcess("anchor-resolution", () => {
        for (let i = 0; i < 20; i++) resolveAnchors(doc, anchors);
      }, { inclusiveDir: "/lib/anchoring/" });
      profileFile = profile.file;
      profileText = `\nProfile of 20 × resolveAnchors (${profile.file}):\n${profile.text}`;
    }

    const text = [
      `${fmtInt(map1.length)}-code-point document (${fmtInt(items)} Yjs structs after ${cfg.edits} edits: ${editSummary}), ${fmtInt(n)} annotations, seed ${cfg.seed}; load average ${load.join(", ")} on ${os.cpus().length} CPUs`,
      "",
      "Time to re-anchor every annotation (ms per run over all annotations):",
      table(["method", "runs", "min", "p50", "p90", "max", "µs/annotation (p50)"], timeRows),
      "",
      `quote-based / ours (p50): ${fmt(ratio, 0)}× by wall time, ${fmt(cpuRatio, 0)}× by CPU time`,
      "",
      `Ours by the state of the anchor's edge characters (each group resolved alone, ${byState.runs} runs, p50 CPU time minus one buildProjectionMap; the worse edge counts):`,
      table(
        ["edge characters", "anchors", "µs/anchor", "ms for the group"],
        byState.rows.map((r) => [r.state, fmtInt(r.anchors), fmt(r.usPerAnchor, 2), fmt((r.usPerAnchor * r.anchors) / 1000, 1)]),
      ),
      ...(cfg.live
        ? [
            `reanchor (lib/annotations/reanchor.ts) of all ${fmtInt(n)} after each edit: p50 ${fmt(quantile(reanchorMs, 0.5), 1)} ms, p99 ${fmt(quantile(reanchorMs, 0.99), 1)} ms; ${fmtInt(rescued)} anchors re-tied to re-created text on the way`,
            `  edits with no re-tie: ${reanchorWith((r) => r === 0).length}, p50 ${fmt(quantile(reanchorWith((r) => r === 0), 0.5), 1)} ms; with 1–9: ${reanchorWith((r) => r > 0 && r < 10).length}, p50 ${fmt(quantile(reanchorWith((r) => r > 0 && r < 10), 0.5), 1)} ms; with ≥ 10: ${reanchorWith((r) => r >= 10).length}, p50 ${fmt(quantile(reanchorWith((r) => r >= 10), 0.5), 1)} ms (max ${Math.max(0, ...rescuesPerEdit)} re-ties in one edit)`,
          ]
        : []),
      "",
      "Where each method puts the annotations, judged per annotation against its original characters:",
      "  same = exactly first..last surviving original character; partly = overlaps it; other = elsewhere, or found although every original character is gone;",
      "  gone = orphaned/not found and every original character is gone; missed = orphaned/not found although some survive.",
      "  Yjs identity: the characters' Yjs items. Words: also following text a split/join re-created (new items, same words for a reader).",
      table(["method vs truth", ...VERDICTS], [
        verdictRow("ours vs Yjs identity", verdicts.oursStrict),
        verdictRow("ours vs words", verdicts.oursWords),
        ...(verdicts.liveWords ? [verdictRow("ours + reanchor after each edit vs words", verdicts.liveWords)] : []),
        verdictRow("quote-based vs Yjs identity", verdicts.quoteStrict),
        verdictRow("quote-based vs words", verdicts.quoteWords),
      ]),
      "",
      `quote-based, by how it anchored: ${Object.entries(quoteMethods).map(([k, v]) => `${fmtInt(v)} ${k}`).join(", ")}`,
      `ours: resolved quote ≠ text of its surviving characters: ${oursQuoteMismatch}; on the same words as quote-based (both "same" vs words): ${fmtInt(bothSame)}`,
      `annotations whose characters are all gone: ${fmtInt(truth.filter((t) => !t.strict).length)} by Yjs identity, ${fmtInt(truth.filter((t) => !t.words).length)} by words (the rest only re-created by splits/joins)`,
      "",
      table(
        ["target", "measured", "target", ""],
        targets.map((t) => [t.name, t.measured, t.target, t.met ? "PASS" : "MISS"]),
      ),
      profileText,
    ].join("\n");

    return {
      name: "anchor-resolution",
      text,
      targets,
      data: {
        config: cfg,
        documentLength: map1.length,
        structs: items,
        edits,
        loadAverage: load,
        timings: { oursMs: ours, oursCpuMs: oursCpu, buildProjectionMapMs: mapOnly, oursLiveMs: oursLive, quoteMs: quote, quoteCpuMs: quoteCpu, reanchorPerEditMs: reanchorMs },
        summary: { ours: o, oursCpu: oc, map: m, quote: q, ratio, cpuRatio },
        verdicts,
        rescued,
        rescuesPerEdit,
        byState,
        quoteMethods,
        oursQuoteMismatch,
        profileFile,
      },
    };
  },
};

export default benchmark;
