/**
 * The reading page in Chromium: the same ~100,000-character text with 0, 100, 1,000 and 3,000
 * notes, and the same text as static HTML, in one run.
 *
 * Setup: the app built once (`next build`, unless BENCH_REBUILD=0 and a build exists) and
 * server.ts started in production mode (PORT=0) on the bench's own scratch Postgres; an owner
 * account (with a password, signed in once through /signin) in a group with two other members;
 * one document per note count, imported as Markdown from bench/lib/corpus.ts; the notes inserted
 * directly (createMany) with real anchors (createAnchor on word-aligned ranges spread evenly over
 * the whole text), Markdown bodies, tags on 40 %, authors across the group, replies on ~5 %.
 * The static baseline is the same text rendered to HTML by the app's own renderer
 * (renderDocumentHTML), served from this process as a contenteditable page with no script.
 *
 * Per page load (a fresh browser context each time; scenario order rotates every round):
 * first byte, end of the HTML response and its size, FCP, LCP, time to interactive (see page-probes.ts), time until the visible cards are placed, DOM
 * elements and JS heap (after a forced GC), then 40 characters typed mid-text at 8 a second (a
 * key waits for its time, and for the page to have handled the key before it) and the
 * key-to-frame latency of each. Medians over BENCH_ROUNDS rounds (typing: all keys pooled).
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createServer, type Server } from "node:http";
import os from "node:os";
import type { AddressInfo } from "node:net";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { createAnchor, resolveAnchors } from "../lib/anchoring/anchors";
import { launchBrowser } from "../tests/e2e/browser";
import { buildApp, startAppServer, type AppServer } from "./lib/app-server";
import { makeCorpus, phrase, type CorpusBlock } from "./lib/corpus";
import { closeDb, startDatabase, type BenchDatabase } from "./lib/database";
import { caretExpression, CARD_SELECTOR, initScript, NAVIGATION_EXPRESSION, quietExpression, STATE_EXPRESSION, TTI_EXPRESSION } from "./lib/page-probes";
import { loadAverage } from "./lib/proc";
import { formatProfile, summarizeProfile } from "./lib/profile";
import { seededRandom, type Random } from "./lib/random";
import { envInt, envNumber, fmt, fmtInt, median, quantile, table } from "./lib/stats";
import type { Benchmark, TargetResult } from "./lib/types";
import { wordsOfDocument } from "./lib/words";

const TARGETS = { typing1000: 1.3, typing3000: 1.5, lcp1000: 3, dom1000: 3, heap1000: 3 };
const VIEWPORT = { width: 1280, height: 900 };
const PASSWORD = "a long enough bench passphrase";
const TAGS = ["question", "evidence", "translation", "context", "todo", "disagree", "key-passage", "source", "style", "reading-group"];
/** How long to wait for a page to become usable, or for the frames after the typed keys, before calling it a failure. */
const PAGE_TIMEOUT_MS = 120_000;
/** How long to wait for TTI and for the cards to be placed before recording them as never. */
const METRIC_TIMEOUT_MS = 60_000;
/** How long to wait for a quiet main thread before typing (then typed anyway). */
const QUIET_TIMEOUT_MS = 15_000;

type Config = { chars: number; counts: number[]; rounds: number; keys: number; rate: number; typingBudget: number; seed: number; rebuild: boolean; profile: boolean };

function config(): Config {
  const raw = process.env.BENCH_NOTES ?? "0,100,1000,3000";
  const counts = raw.split(",").map((s) => Number(s.trim()));
  if (counts.some((n) => !Number.isInteger(n) || n < 0)) throw new Error(`BENCH_NOTES must be a comma-separated list of whole numbers, got ${JSON.stringify(raw)}`);
  return {
    chars: envInt("BENCH_CHARS", 100_000),
    counts: [...new Set(counts)].sort((a, b) => a - b),
    rounds: envInt("BENCH_ROUNDS", 3),
    keys: envInt("BENCH_KEYS", 40),
    rate: envNumber("BENCH_KEY_RATE", 8),
    typingBudget: envNumber("BENCH_TYPING_BUDGET", 60),
    seed: envInt("BENCH_SEED", 1),
    rebuild: process.env.BENCH_REBUILD !== "0",
    profile: process.env.BENCH_PROFILE === "1",
  };
}

const log = (m: string) => console.log(`[reading-page] ${m}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const cuidLike = () => `c${randomBytes(12).toString("hex")}`;

/** The corpus as Markdown: headings as `##`, paragraphs as they are (the vocabulary has no Markdown syntax). */
function corpusMarkdown(blocks: CorpusBlock[]): string {
  return blocks.map((b) => (b.type === "heading" ? `## ${b.text}` : b.text)).join("\n\n");
}

function noteBody(random: Random): string {
  const sentences = Array.from({ length: random.int(1, 4) }, () => {
    const s = phrase(random, random.int(4, 18));
    return s[0].toUpperCase() + s.slice(1) + random.pick([".", ".", "?", "!"]);
  });
  if (random.chance(0.2)) sentences[0] = `**${sentences[0]}**`;
  if (random.chance(0.08)) sentences.push(`\n\n- ${phrase(random, 3)}\n- ${phrase(random, 4)}`);
  return sentences.join(" ");
}

/**
 * `count` group notes, anchored on word-aligned ranges whose starts are spread evenly over the
 * whole text (1–4 words for most, up to a few sentences for some), and replies on ~5 % of them.
 */
async function insertNotes(random: Random, opts: { documentId: string; groupId: string; userIds: string[]; yState: Uint8Array; count: number }) {
  if (opts.count === 0) return { notes: 0, replies: 0 };
  const { db } = await import("../lib/db");
  const { doc, map, starts, ends } = wordsOfDocument(opts.yState);
  const rows: Record<string, unknown>[] = [];
  const t0 = Date.now() - 14 * 24 * 3600 * 1000;
  let replies = 0;
  for (let i = 0; i < opts.count; i++) {
    const first = Math.min(starts.length - 1, Math.floor(((i + random.next()) * starts.length) / opts.count));
    const r = random.next();
    const words = r < 0.6 ? random.int(1, 4) : r < 0.9 ? random.int(5, 15) : random.int(16, 40);
    const anchor = createAnchor(doc, starts[first], ends[Math.min(ends.length - 1, first + words - 1)], map);
    const [resolved] = resolveAnchors(doc, [anchor], map);
    if (resolved.orphaned) throw new Error("a fresh anchor is orphaned");
    const createdAt = new Date(t0 + i * 60_000);
    const id = cuidLike();
    rows.push({
      id,
      documentId: opts.documentId,
      groupId: opts.groupId,
      authorId: random.pick(opts.userIds),
      motivation: "commenting",
      visibility: "group",
      status: "approved",
      body: noteBody(random),
      tags: random.chance(0.4) ? [...new Set(Array.from({ length: random.int(1, 3) }, () => random.pick(TAGS)))] : [],
      anchorStart: Buffer.from(anchor.start),
      anchorEnd: Buffer.from(anchor.end),
      quoteExact: resolved.exact,
      quotePrefix: resolved.prefix,
      quoteSuffix: resolved.suffix,
      positionStart: resolved.start,
      positionEnd: resolved.end,
      createdAt,
      updatedAt: createdAt,
    });
    if (random.chance(0.05)) {
      for (let k = random.int(1, 2); k > 0; k--) {
        const at = new Date(createdAt.getTime() + random.int(1, 50) * 60_000);
        rows.push({ id: cuidLike(), documentId: opts.documentId, groupId: opts.groupId, authorId: random.pick(opts.userIds), motivation: "replying", visibility: "group", status: "approved", body: noteBody(random), parentId: id, threadId: id, createdAt: at, updatedAt: at });
        replies++;
      }
    }
  }
  for (let i = 0; i < rows.length; i += 1000) await db().annotation.createMany({ data: rows.slice(i, i + 1000) as never });
  doc.destroy();
  return { notes: opts.count, replies };
}

/** The text as one static page: the app's own HTML rendering of the document, editable, no script. */
async function startStaticServer(title: string, bodyHtml: string): Promise<{ url: string; server: Server }> {
  const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
  const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escape(title)}</title>
<style>
body { margin: 0; font: 1.125rem/1.75 Georgia, "Times New Roman", serif; color: #1f1f1f; background: #fdfcfa; }
main { max-width: 42rem; margin: 3.5rem auto 7rem; padding: 0 1.5rem; }
h1 { font-size: 2.5rem; line-height: 1.15; margin: 0 0 2.5rem; }
h2 { font-size: 1.4rem; margin: 2.2rem 0 0.8rem; }
p { margin: 0 0 1.1rem; }
article:focus { outline: none; }
</style></head>
<body><main><h1>${escape(title)}</h1><article contenteditable="true" spellcheck="false">${bodyHtml}</article></main></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8", "cache-control": "no-store" });
    res.end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

type Scenario = { name: string; notes: number | null; url: string; readySelector: string; editorSelector: string };

type Sample = {
  lcp: number;
  lcpTag: string | null;
  /** The LCP element, described as tag#id.class in .ancestor-class. */
  lcpElement: string | null;
  /** Navigation timing: the response's first byte and its end, first contentful paint (ms from navigation start). */
  ttfb: number;
  responseEnd: number;
  fcp: number;
  /** The HTML document's size, decoded (what the parser reads), in KB. */
  htmlKb: number;
  /** Cumulative layout shift while loading (every shift before input), and the shifts themselves. */
  cls: number;
  shifts: { t: number; value: number; sources: string[] }[];
  ready: number;
  tti: number;
  placed: number;
  placedVia: string | null;
  domNodes: number;
  cards: number;
  heapMb: number;
  /** Key-to-frame per key: keydown handler → end of the next frame. */
  keys: number[];
  /** Input-to-frame per key: event.timeStamp (the browser took the key) → end of the next frame. */
  inputs: number[];
  /** Event Timing's duration per key (timeStamp → next paint as the browser sees it); keys under its 16 ms floor count as 16. */
  eventTimings: number[];
  /** keydown handler start − event.timeStamp: how long the key waited for the main thread. */
  inputDelays: number[];
  /** No 500 ms without long tasks came within QUIET_TIMEOUT_MS of placing the caret: typed anyway. */
  busyBeforeTyping: boolean;
  /** Characters per second actually typed (BENCH_KEY_RATE when the page keeps up). */
  typedPerSecond: number;
  /** Keys typed before the typing budget ran out (BENCH_KEYS when the page keeps up). */
  typedKeys: number;
  longTasks: number;
};

/** Evaluates `expression` in the page every 100 ms until it is truthy; null after `timeoutMs`. */
async function waitInPage<T>(page: Page, expression: string, timeoutMs: number): Promise<T | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = (await page.evaluate(expression)) as T | null;
    if (value !== null && value !== undefined && value !== false) return value;
    if (Date.now() > deadline) return null;
    await sleep(100);
  }
}

/** waitInPage, where giving up means the benchmark cannot run. */
async function pollPage<T>(page: Page, expression: string, what: string, timeoutMs = PAGE_TIMEOUT_MS): Promise<T> {
  const value = await waitInPage<T>(page, expression, timeoutMs);
  if (value === null) throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what} on ${page.url()}`);
  return value;
}

/** The characters typed: lower-case words and spaces, exactly `n` of them. */
function typedText(random: Random, n: number): string {
  let text = "";
  while (text.length < n) text += ` ${phrase(random, 3).replace(/[^a-z ]/g, "")}`;
  return text.slice(0, n).replace(/ $/, "x");
}

async function measureLoad(
  browser: Browser,
  scenario: Scenario,
  opts: { storageState: Awaited<ReturnType<BrowserContext["storageState"]>> | undefined; type: string | null; rate: number; budgetMs: number; profile?: string; trace?: string; loadTrace?: string },
): Promise<Sample> {
  const context = await browser.newContext({ viewport: VIEWPORT, storageState: opts.storageState });
  try {
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on("pageerror", (error) => pageErrors.push(String(error)));
    await page.addInitScript(initScript({ readySelector: scenario.readySelector, cards: (scenario.notes ?? 0) > 0 }));
    if (opts.loadTrace) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "loading"] });
    const response = await page.goto(scenario.url, { waitUntil: "domcontentloaded", timeout: PAGE_TIMEOUT_MS });
    if (!response?.ok()) throw new Error(`${scenario.name}: ${scenario.url} answered ${response?.status()}`);
    if (new URL(page.url()).pathname !== new URL(scenario.url).pathname) throw new Error(`${scenario.name}: redirected to ${page.url()} (not signed in?)`);

    // A page that never becomes usable cannot be measured; one that stays busy, or never shows
    // its cards, is a (bad) measurement: NaN, counted in the second table.
    await pollPage<number>(page, "window.__bench.ready", "the text to become usable");
    if (opts.loadTrace) {
      const buffer = await browser.stopTracing();
      mkdirSync(dirname(opts.loadTrace), { recursive: true });
      writeFileSync(opts.loadTrace, buffer);
    }
    const tti = (await waitInPage<number>(page, TTI_EXPRESSION, METRIC_TIMEOUT_MS)) ?? Number.POSITIVE_INFINITY;
    if ((scenario.notes ?? 0) > 0) await waitInPage<number>(page, "window.__bench.placed", METRIC_TIMEOUT_MS);
    const state = (await page.evaluate(STATE_EXPRESSION)) as { lcp: { t: number; tag: string | null; element: string | null }[]; shifts: Sample["shifts"]; ready: number; placed: number | null; placedVia: string | null; errors: string[]; long: number };
    if (state.errors.length) throw new Error(`${scenario.name}: the browser cannot observe ${state.errors.join("; ")}`);
    if (!state.lcp.length) throw new Error(`${scenario.name}: no largest-contentful-paint entry`);
    const lcp = state.lcp[state.lcp.length - 1];
    const navigation = (await page.evaluate(NAVIGATION_EXPRESSION)) as { ttfb: number; responseEnd: number; fcp: number | null; bytes: number };
    const domNodes = (await page.evaluate("document.getElementsByTagName('*').length")) as number;
    const cards = (await page.evaluate(`document.querySelectorAll(${JSON.stringify(CARD_SELECTOR)}).length`)) as number;
    const cdp = await context.newCDPSession(page);
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("Performance.enable");
    const { metrics } = await cdp.send("Performance.getMetrics");
    await cdp.send("Performance.disable");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize")?.value;
    if (heap === undefined) throw new Error("no JSHeapUsedSize from Performance.getMetrics");
    await cdp.detach();

    const sample: Sample = {
      lcp: lcp.t,
      lcpTag: lcp.tag,
      lcpElement: lcp.element,
      ttfb: navigation.ttfb,
      responseEnd: navigation.responseEnd,
      fcp: navigation.fcp ?? Number.NaN,
      htmlKb: navigation.bytes / 1000,
      cls: state.shifts.reduce((sum, shift) => sum + shift.value, 0),
      shifts: state.shifts,
      ready: state.ready,
      tti,
      placed: (scenario.notes ?? 0) === 0 ? Number.NaN : (state.placed ?? Number.POSITIVE_INFINITY),
      placedVia: state.placedVia,
      domNodes,
      cards,
      heapMb: heap / 2 ** 20,
      keys: [],
      inputs: [],
      eventTimings: [],
      inputDelays: [],
      busyBeforeTyping: false,
      typedPerSecond: Number.NaN,
      typedKeys: 0,
      longTasks: state.long,
    };

    if (opts.type !== null) {
      await page.evaluate(caretExpression(scenario.editorSelector));
      // Let the scroll settle (the margin may re-render cards that came into view).
      await sleep(300);
      sample.busyBeforeTyping = (await waitInPage(page, quietExpression(500), QUIET_TIMEOUT_MS)) === null;
      const before = (await page.evaluate("window.__bench.keys.length")) as number;
      const profiler = opts.profile ? await context.newCDPSession(page) : null;
      if (profiler) {
        await profiler.send("Profiler.enable");
        await profiler.send("Profiler.setSamplingInterval", { interval: 200 });
        await profiler.send("Profiler.start");
      }
      if (opts.trace) await browser.startTracing(page, { categories: ["devtools.timeline", "disabled-by-default-devtools.timeline"] });
      const interval = 1000 / opts.rate;
      const started = Date.now();
      let typed = "";
      for (let i = 0; i < opts.type.length; i++) {
        // A page that takes seconds per key would keep the run busy for many minutes: stop
        // typing after the budget and measure the keys typed so far (shown in the table).
        if (Date.now() - started > opts.budgetMs) break;
        const wait = started + i * interval - Date.now();
        if (wait > 0) await sleep(wait);
        // Awaited: the browser answers once the page has handled the key (down and up), so a
        // slow page is typed into more slowly rather than building a queue of keys.
        await page.keyboard.press(opts.type[i] === " " ? "Space" : opts.type[i]);
        typed += opts.type[i];
      }
      sample.typedPerSecond = (typed.length - 1) / ((Date.now() - started) / 1000);
      sample.typedKeys = typed.length;
      const keys = await pollPage<{ at: number; handled: number; frame: number }[]>(
        page,
        `window.__bench.keys.length >= ${before + typed.length} && window.__bench.keys.slice(${before})`,
        "a frame after every key",
        PAGE_TIMEOUT_MS,
      );
      if (opts.trace) {
        const buffer = await browser.stopTracing();
        mkdirSync(dirname(opts.trace), { recursive: true });
        writeFileSync(opts.trace, buffer);
      }
      if (profiler && opts.profile) {
        const { profile } = await profiler.send("Profiler.stop");
        mkdirSync(dirname(opts.profile), { recursive: true });
        writeFileSync(opts.profile, JSON.stringify(profile));
        await profiler.detach();
      }
      sample.keys = keys.map((k) => k.frame - k.handled);
      sample.inputs = keys.map((k) => k.frame - k.at);
      await sleep(300);
      const events = (await page.evaluate("(window.__bench.flush(), window.__bench.events)")) as { at: number; duration: number }[];
      sample.eventTimings = keys.map((k) => events.find((e) => Math.abs(e.at - k.at) < 1)?.duration ?? 16);
      sample.inputDelays = keys.map((k) => k.handled - k.at);
      const text = (await page.evaluate(`document.querySelector(${JSON.stringify(scenario.editorSelector)}).textContent`)) as string;
      if (!text.includes(typed)) throw new Error(`${scenario.name}: the typed text "${typed}" is not in the text after typing`);
    }
    if (pageErrors.length) throw new Error(`${scenario.name}: the page threw: ${pageErrors.join("\n")}`);
    return sample;
  } finally {
    await context.close();
  }
}

type Row = {
  name: string;
  notes: number | null;
  samples: Sample[];
  lcp: number;
  ttfb: number;
  responseEnd: number;
  fcp: number;
  htmlKb: number;
  cls: number;
  tti: number;
  ready: number;
  placed: number;
  keyP50: number;
  keyP95: number;
  inputP50: number;
  inputP95: number;
  eventP50: number;
  eventP95: number;
  inputDelayP50: number;
  domNodes: number;
  cards: number;
  heapMb: number;
};

function summarize(scenario: Scenario, samples: Sample[]): Row {
  // Timeouts are Infinity and count; NaN means "does not apply".
  const med = (f: (s: Sample) => number) => median(samples.map(f).filter((v) => !Number.isNaN(v)));
  const keys = samples.flatMap((s) => s.keys);
  const inputs = samples.flatMap((s) => s.inputs);
  return {
    name: scenario.name,
    notes: scenario.notes,
    samples,
    lcp: med((s) => s.lcp),
    ttfb: med((s) => s.ttfb),
    responseEnd: med((s) => s.responseEnd),
    fcp: med((s) => s.fcp),
    htmlKb: med((s) => s.htmlKb),
    cls: med((s) => s.cls),
    tti: med((s) => s.tti),
    ready: med((s) => s.ready),
    placed: med((s) => s.placed),
    keyP50: quantile(keys, 0.5),
    keyP95: quantile(keys, 0.95),
    inputP50: quantile(inputs, 0.5),
    inputP95: quantile(inputs, 0.95),
    eventP50: quantile(samples.flatMap((s) => s.eventTimings), 0.5),
    eventP95: quantile(samples.flatMap((s) => s.eventTimings), 0.95),
    inputDelayP50: quantile(samples.flatMap((s) => s.inputDelays), 0.5),
    domNodes: med((s) => s.domNodes),
    cards: med((s) => s.cards),
    heapMb: med((s) => s.heapMb),
  };
}

type TraceEvent = { name: string; ph: string; pid: number; tid: number; ts: number; dur?: number; args?: { name?: string; data?: { url?: string } } };

/**
 * Time of the renderer's main thread by trace event name (events nest: a parent's time includes
 * its children's); with `lcpMs` (the page's own LCP entry of that load), only the time between the
 * navigation's start and the renderer's last largest-contentful-paint candidate.
 */
function formatTrace(file: string, opts: { lcpMs?: number } = {}): string {
  const { traceEvents } = JSON.parse(readFileSync(file, "utf8")) as { traceEvents: TraceEvent[] };
  // The page's renderer: the one whose main thread marked the largest paint (or, typing, any).
  const candidates = traceEvents.filter((e) => e.name === "largestContentfulPaint::Candidate");
  const mains = traceEvents.filter((e) => e.ph === "M" && e.name === "thread_name" && e.args?.name === "CrRendererMain");
  const main = mains.find((m) => candidates.some((c) => c.pid === m.pid)) ?? mains[0];
  if (!main) return "(no renderer main thread in the trace)";
  let [from, until] = [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY];
  let header = "";
  if (opts.lcpMs !== undefined) {
    const own = candidates.filter((c) => c.pid === main.pid);
    if (!own.length) return "(no largest-contentful-paint candidate in the trace)";
    until = own[own.length - 1].ts;
    from = until - opts.lcpMs * 1000;
    header = `largest paint ${fmtInt(opts.lcpMs)} ms after the navigation started; main-thread time in between:\n`;
  }
  const totals = new Map<string, { ms: number; count: number }>();
  for (const e of traceEvents) {
    if (e.pid !== main.pid || e.tid !== main.tid || e.ph !== "X" || !e.dur || e.ts < from || e.ts > until) continue;
    const t = totals.get(e.name) ?? { ms: 0, count: 0 };
    t.ms += e.dur / 1000;
    t.count++;
    totals.set(e.name, t);
  }
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25);
  return header + table(["event", "ms", "count"], rows.map(([name, t]) => [name, fmt(t.ms, 0), fmtInt(t.count)]));
}

/** The largest layout shifts of a load, for the log: when, how much, and what moved. */
function describeShifts(shifts: Sample["shifts"]): string {
  const largest = [...shifts].sort((a, b) => b.value - a.value).slice(0, 2);
  return largest.length ? ` (${largest.map((s) => `${fmt(s.value, 3)} at ${fmtInt(s.t)} ms: ${s.sources.join(", ") || "?"}`).join("; ")})` : "";
}

const ratio = (a: number, b: number) => (Number.isFinite(a) && Number.isFinite(b) && b > 0 ? a / b : Number.NaN);
const fmtRatio = (r: number) => (Number.isFinite(r) ? `${r.toFixed(2)}×` : "–");
/** Milliseconds; Infinity is a wait that timed out. */
const fmtMs = (v: number) => (v === Number.POSITIVE_INFINITY ? `> ${fmtInt(METRIC_TIMEOUT_MS)}` : fmtInt(v));

async function run() {
  const cfg = config();
  const random = seededRandom(cfg.seed);
  let database: BenchDatabase | undefined;
  let app: AppServer | undefined;
  let staticServer: Server | undefined;
  let browser: Browser | undefined;
  // Interrupted (Ctrl-C): closing the browser fails whatever is waiting on it, and the finally
  // below stops the app and drops the database; before the browser exists, stop them here.
  const interrupt = () => {
    log("interrupted: cleaning up");
    if (browser) return void browser.close();
    void Promise.allSettled([app?.stop(), database?.stop()]).then(() => process.exit(130));
  };
  process.once("SIGINT", interrupt);
  process.once("SIGTERM", interrupt);
  try {
    buildApp({ reuse: !cfg.rebuild, log });
    database = await startDatabase(log);
    process.env.DATABASE_URL = database.url;

    // Fixtures, straight into the database the app will use.
    const { db } = await import("../lib/db");
    const { default: createUser } = await import("../lib/commands/create-user");
    const { default: createGroup } = await import("../lib/commands/create-group");
    const { default: createDocument } = await import("../lib/commands/create-document");
    const { importContent } = await import("../lib/editor/import");
    const { renderDocumentHTML } = await import("../lib/editor/render");
    const suffix = randomBytes(3).toString("hex");
    const email = `reader-${suffix}@example.test`;
    const owner = await createUser({ input: { name: "Bench Reader", email, password: PASSWORD } });
    const { group } = await createGroup({ actorId: owner.id, input: { name: `Reading bench ${suffix}`, moderation: "post" } });
    const others = [];
    for (const name of ["Ada Bench", "Basil Bench"]) {
      const user = await db().user.create({ data: { name, email: `${name.split(" ")[0].toLowerCase()}-${suffix}@example.test` } });
      await db().membership.create({ data: { groupId: group.id, userId: user.id, role: "editor" } });
      others.push(user);
    }
    const userIds = [owner.id, ...others.map((u) => u.id)];
    const blocks = makeCorpus(random, cfg.chars);
    const markdown = corpusMarkdown(blocks);
    const title = "On reading in the margins";
    const documents: { notes: number; id: string; replies: number }[] = [];
    for (const count of cfg.counts) {
      const document = await createDocument({ actorId: owner.id, input: { groupId: group.id, title, format: "markdown", content: markdown } });
      const inserted = await insertNotes(seededRandom(cfg.seed * 7919 + count), { documentId: document.id, groupId: group.id, userIds, yState: new Uint8Array(document.yState), count });
      documents.push({ notes: count, id: document.id, replies: inserted.replies });
      log(`document with ${fmtInt(count)} notes (${inserted.replies} replies): ${document.text.length.toLocaleString("en-US")} characters`);
    }
    const staticHtml = renderDocumentHTML(importContent("markdown", markdown));
    await closeDb();

    app = await startAppServer({ databaseUrl: database.url });
    log(`app ready on ${app.baseUrl}`);
    const started = await startStaticServer(title, staticHtml);
    staticServer = started.server;

    browser = await launchBrowser();
    // Sign in once, through the form; every page load gets the session cookie.
    const signIn = await browser.newContext({ baseURL: app.baseUrl, viewport: VIEWPORT });
    const signInPage = await signIn.newPage();
    await signInPage.goto("/signin");
    await signInPage.getByLabel("Email").fill(email);
    await signInPage.getByLabel("Password").fill(PASSWORD);
    await signInPage.getByRole("button", { name: "Sign in" }).click();
    await signInPage.waitForURL("**/groups", { timeout: 60_000 });
    const storageState = await signIn.storageState();
    await signIn.close();

    const scenarios: Scenario[] = [
      { name: "static HTML", notes: null, url: started.url, readySelector: "article[contenteditable]", editorSelector: "article[contenteditable]" },
      ...documents.map((d) => ({
        name: `${fmtInt(d.notes)} notes`,
        notes: d.notes,
        url: `${app!.baseUrl}/documents/${d.id}`,
        readySelector: ".live-editor[data-ready]",
        editorSelector: ".live-editor .ProseMirror[contenteditable]",
      })),
    ];
    const stateFor = (s: Scenario) => (s.notes === null ? undefined : storageState);

    // One untimed load of each page: the server's caches and the document's collaboration state warm up.
    for (const scenario of scenarios) {
      const sample = await measureLoad(browser, scenario, { storageState: stateFor(scenario), type: null, rate: cfg.rate, budgetMs: 0 });
      log(`warm-up ${scenario.name}: ready ${fmtInt(sample.ready)} ms, ${fmtInt(sample.cards)} cards`);
    }

    const samples = new Map<Scenario, Sample[]>(scenarios.map((s) => [s, []]));
    const loads: number[] = [];
    for (let round = 0; round < cfg.rounds; round++) {
      const order = scenarios.map((_, i) => scenarios[(i + round) % scenarios.length]);
      for (const scenario of order) {
        const sample = await measureLoad(browser, scenario, { storageState: stateFor(scenario), type: typedText(random, cfg.keys), rate: cfg.rate, budgetMs: cfg.typingBudget * 1000 });
        samples.get(scenario)!.push(sample);
        loads.push(loadAverage());
        log(
          `round ${round + 1}/${cfg.rounds} ${scenario.name}: first byte ${fmtInt(sample.ttfb)} ms, FCP ${fmtInt(sample.fcp)} ms, LCP ${fmtInt(sample.lcp)} ms (${sample.lcpElement ?? "?"}), CLS ${fmt(sample.cls, 3)}${describeShifts(sample.shifts)}, TTI ${fmtMs(sample.tti)} ms, placed ${fmtMs(sample.placed)} ms, ` +
            `key→frame p50 ${fmt(median(sample.keys))} ms, input→frame p50 ${fmt(median(sample.inputs))} ms, ${fmt(sample.typedPerSecond)}/s, ${fmtInt(sample.domNodes)} nodes, ${fmt(sample.heapMb)} MB`,
        );
      }
    }

    // One more load of the page with the most notes, typed into under the CPU profiler (not counted).
    // With BENCH_PROFILE=1, one more load of each app page typed into under the CPU profiler, and
    // one under a timeline trace (main-thread time by kind of work), and one load traced up to its
    // largest paint (what the main thread did before the text showed), not counted in the tables.
    let profileText = "";
    if (cfg.profile) {
      for (const scenario of scenarios.filter((s) => s.notes !== null)) {
        const stem = join(import.meta.dirname, "results", "profiles", `reading-page-${scenario.notes}-notes-${new Date().toISOString().replace(/[:.]/g, "-")}`);
        const options = { storageState: stateFor(scenario), type: typedText(random, cfg.keys), rate: cfg.rate, budgetMs: cfg.typingBudget * 1000 };
        await measureLoad(browser, scenario, { ...options, profile: `${stem}.cpuprofile` });
        await measureLoad(browser, scenario, { ...options, trace: `${stem}.trace.json` });
        const traced = await measureLoad(browser, scenario, { ...options, type: null, loadTrace: `${stem}.load.trace.json` });
        profileText +=
          `\n\nCPU profile of typing into ${scenario.name} (${stem}.cpuprofile):\n${formatProfile(summarizeProfile(`${stem}.cpuprofile`, undefined, 30, "/_next/static/"))}` +
          `\n\nMain thread while typing into ${scenario.name} (${stem}.trace.json):\n${formatTrace(`${stem}.trace.json`)}` +
          `\n\nMain thread of ${scenario.name} from navigation to its largest paint (${stem}.load.trace.json):\n${formatTrace(`${stem}.load.trace.json`, { lcpMs: traced.lcp })}`;
      }
    }

    const rows = scenarios.map((s) => summarize(s, samples.get(s)!));
    const staticRow = rows.find((r) => r.notes === null)!;
    const empty = rows.find((r) => r.notes === 0);
    const byNotes = (n: number) => rows.find((r) => r.notes === n);

    const text = [
      table(
        ["page", "LCP ms", "×static", "CLS", "TTI ms", "cards placed ms", "key→frame p50", "p95", "×0 notes p50", "×0 notes p95", "DOM elements", "×0 notes", "JS heap MB", "×0 notes"],
        rows.map((r) => [
          r.name,
          fmtInt(r.lcp),
          fmtRatio(ratio(r.lcp, staticRow.lcp)),
          fmt(r.cls, 3),
          fmtMs(r.tti),
          fmtMs(r.placed),
          fmt(r.keyP50),
          fmt(r.keyP95),
          r.notes === null || !empty ? "–" : fmtRatio(ratio(r.keyP50, empty.keyP50)),
          r.notes === null || !empty ? "–" : fmtRatio(ratio(r.keyP95, empty.keyP95)),
          fmtInt(r.domNodes),
          r.notes === null || !empty ? "–" : fmtRatio(ratio(r.domNodes, empty.domNodes)),
          fmt(r.heapMb),
          r.notes === null || !empty ? "–" : fmtRatio(ratio(r.heapMb, empty.heapMb)),
        ]),
      ),
      "",
      table(
        ["page", "first byte ms", "response end ms", "FCP ms", "HTML KB", "input→frame p50", "p95", "Event Timing p50", "p95", "key waited p50", "typed chars/s", "keys typed", "busy before typing", "text usable ms", "LCP element", "cards in margin", "placed by", "long tasks", "TTI never"],
        rows.map((r) => [
          r.name,
          fmtInt(r.ttfb),
          fmtInt(r.responseEnd),
          fmtInt(r.fcp),
          fmtInt(r.htmlKb),
          fmt(r.inputP50),
          fmt(r.inputP95),
          r.eventP50 <= 16 ? "≤ 16" : fmt(r.eventP50, 0),
          r.eventP95 <= 16 ? "≤ 16" : fmt(r.eventP95, 0),
          fmt(r.inputDelayP50),
          fmt(median(r.samples.map((s) => s.typedPerSecond))),
          `${r.samples.reduce((n, s) => n + s.typedKeys, 0)}/${cfg.keys * r.samples.length}`,
          `${r.samples.filter((s) => s.busyBeforeTyping).length}/${r.samples.length}`,
          fmtInt(r.ready),
          [...new Set(r.samples.map((s) => s.lcpElement ?? s.lcpTag ?? "?"))].join(", "),
          r.notes === null ? "–" : fmtInt(r.cards),
          r.notes ? [...new Set(r.samples.map((s) => s.placedVia ?? "never"))].join(",") : "–",
          fmtInt(median(r.samples.map((s) => s.longTasks))),
          `${r.samples.filter((s) => s.tti === Number.POSITIVE_INFINITY).length}/${r.samples.length}`,
        ]),
      ),
      "",
      "key→frame: keydown handler → end of the next frame; input→frame: from the key event's timeStamp (includes waiting for a busy main thread); " +
        "Event Timing: the browser's own timeStamp → next paint for the keydown (≥ 16 ms only, 8 ms steps). All ms.",
      `${cfg.rounds} rounds (medians; per-key figures pooled over ${cfg.keys} keys × ${cfg.rounds} rounds, typed at ${cfg.rate}/s mid-text); ` +
        `${fmtInt(cfg.chars)}-character text; viewport ${VIEWPORT.width}×${VIEWPORT.height}; ${os.cpus().length} CPUs, load average ${fmt(median(loads), 2)} during the rounds.`,
    ].join("\n") + profileText;

    const targets: TargetResult[] = [];
    const target = (name: string, value: number, limit: number) => targets.push({ name, measured: fmtRatio(value), target: `≤ ${limit}×`, met: Number.isFinite(value) && value <= limit });
    const n1000 = byNotes(1000);
    const n3000 = byNotes(3000);
    if (empty && n1000) {
      target("typing key-to-frame p50, 1,000 notes vs none", ratio(n1000.keyP50, empty.keyP50), TARGETS.typing1000);
      target("typing key-to-frame p95, 1,000 notes vs none", ratio(n1000.keyP95, empty.keyP95), TARGETS.typing1000);
    }
    if (empty && n3000) {
      target("typing key-to-frame p50, 3,000 notes vs none", ratio(n3000.keyP50, empty.keyP50), TARGETS.typing3000);
      target("typing key-to-frame p95, 3,000 notes vs none", ratio(n3000.keyP95, empty.keyP95), TARGETS.typing3000);
    }
    if (n1000) target("LCP, 1,000 notes vs static HTML", ratio(n1000.lcp, staticRow.lcp), TARGETS.lcp1000);
    if (empty && n1000) {
      target("DOM elements, 1,000 notes vs none", ratio(n1000.domNodes, empty.domNodes), TARGETS.dom1000);
      target("JS heap, 1,000 notes vs none", ratio(n1000.heapMb, empty.heapMb), TARGETS.heap1000);
    }

    return {
      name: "reading-page",
      text,
      targets,
      data: { config: cfg, viewport: VIEWPORT, cpus: os.cpus().length, loadAverage: median(loads), rows, targets },
    };
  } finally {
    process.off("SIGINT", interrupt);
    process.off("SIGTERM", interrupt);
    await browser?.close().catch(() => undefined);
    staticServer?.close();
    await app?.stop().catch(() => undefined);
    await closeDb().catch(() => undefined);
    await database?.stop().catch((error) => log(`could not drop the bench database: ${error}`));
  }
}

const benchmark: Benchmark = {
  name: "reading-page",
  description: "the reading page in Chromium with 0–3,000 notes against the text as static HTML: LCP, TTI, cards placed, typing key-to-frame, DOM, JS heap",
  run,
};

export default benchmark;
