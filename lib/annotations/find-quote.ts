import path from "node:path";
import { Worker } from "node:worker_threads";
import { anchorExactQuote, anchorQuote, type QuoteFailure, type QuoteMatch, type QuoteSelector } from "../anchoring/quote";
import { ServiceUnavailableError, UnprocessableError } from "../errors";
import { componentLogger, errorFields } from "../log";

/**
 * Where a quote is searched. lib/anchoring/quote.ts is bounded, but its work still grows with
 * the text (every occurrence is found) and the approximate search can take seconds on a long or
 * repetitive text. Anything that is not certainly cheap runs in one worker thread with a time
 * limit, so that no request can stall the event loop everyone shares.
 */

/** Longest time one search may take in the worker before it is stopped and answered 422. */
export const QUOTE_SEARCH_TIME_LIMIT_MS = 2_000;
/** Texts up to this many UTF-16 units are searched for an exact quote on the event loop (≈ 10 ms at worst). */
export const INLINE_TEXT_UNITS = 64 * 1024;
// The approximate search costs up to text × quote × ⌈quote / 32⌉ steps when most places match as well.
const INLINE_APPROXIMATE_STEPS = 2_000_000;
// Searches waiting for the worker beyond this are refused (503) rather than queued for minutes.
const MAX_WAITING = 16;
// The worker's own heap; a search needs a few copies of the text at most.
const WORKER_HEAP_MB = 256;

type Result = QuoteMatch | QuoteFailure;
type Job = { text: string; selector: QuoteSelector; resolve: (result: Result) => void; reject: (error: unknown) => void };

/** The approximate search is cheap enough for the event loop, whatever the text holds. */
function approximateIsCheap(text: string, exact: string): boolean {
  return text.length * exact.length * Math.ceil(exact.length / 32) <= INLINE_APPROXIMATE_STEPS;
}

/** One worker thread running searches one at a time, replaced when it is stopped or fails. */
export class QuoteSearchThread {
  private worker: Worker | null = null;
  private ready = false;
  private running: (Job & { timer: NodeJS.Timeout }) | null = null;
  private readonly waiting: Job[] = [];

  constructor(private readonly limits: { timeLimitMs: number; maxWaiting: number } = { timeLimitMs: QUOTE_SEARCH_TIME_LIMIT_MS, maxWaiting: MAX_WAITING }) {}

  search(text: string, selector: QuoteSelector): Promise<Result> {
    if (this.waiting.length >= this.limits.maxWaiting) {
      return Promise.reject(new ServiceUnavailableError("The server is busy finding other quotes; try again in a moment", "anchoring_busy"));
    }
    return new Promise((resolve, reject) => {
      this.waiting.push({ text, selector, resolve, reject });
      this.next();
    });
  }

  private spawn(): Worker {
    // Loaded from source through tsx, as server.ts is: the checkout's file, never bundled (hence turbopackIgnore).
    const entry = path.join(/* turbopackIgnore: true */ process.cwd(), "lib", "anchoring", "quote-thread.mjs");
    const worker = new Worker(/* turbopackIgnore: true */ entry, { execArgv: [], resourceLimits: { maxOldGenerationSizeMb: WORKER_HEAP_MB } });
    worker.on("message", (message: { ready?: true; result?: Result }) => {
      if (message.ready) {
        this.ready = true;
        this.next();
        return;
      }
      this.finish((job) => job.resolve(message.result as Result));
    });
    worker.on("error", (error) => this.discard(worker, error));
    worker.on("exit", () => this.discard(worker, new Error("The quote search thread stopped")));
    return worker;
  }

  private next() {
    if (this.running || this.waiting.length === 0) return;
    if (!this.worker) {
      this.ready = false;
      this.worker = this.spawn();
    }
    this.worker.ref();
    if (!this.ready) return;
    const job = this.waiting.shift() as Job;
    const worker = this.worker;
    const timer = setTimeout(() => {
      // Stopped mid-search: the thread is replaced for whatever comes next.
      this.worker = null;
      this.ready = false;
      void worker.terminate();
      this.finish((j) => j.reject(new UnprocessableError("Finding these words took too long; send a TextPositionSelector, or a quote with its exact prefix and suffix", "quote_search_timeout")));
    }, this.limits.timeLimitMs);
    this.running = { ...job, timer };
    worker.postMessage({ text: job.text, selector: { exact: job.selector.exact, prefix: job.selector.prefix, suffix: job.selector.suffix, start: job.selector.start, end: job.selector.end } });
  }

  /** Settles the running job and starts the next one. */
  private finish(settle: (job: Job) => void) {
    const job = this.running;
    if (!job) return;
    clearTimeout(job.timer);
    this.running = null;
    settle(job);
    if (this.waiting.length > 0) this.next();
    else this.worker?.unref();
  }

  /** A worker that failed or exited: its job fails, the next job gets a new worker; one that never started fails them all. */
  private discard(worker: Worker, error: unknown) {
    if (this.worker !== worker) return;
    const started = this.ready;
    this.worker = null;
    this.ready = false;
    if (!started) {
      componentLogger("anchoring").error(errorFields(error), "the quote search thread could not start");
      for (const job of this.waiting.splice(0)) job.reject(error);
    } else if (this.running) this.finish((job) => job.reject(error));
    else this.next();
  }
}

// Cached on globalThis: Next's route modules and server.ts are separate module graphs in one process.
const store = globalThis as unknown as { marginaliaQuoteSearch?: QuoteSearchThread };

/** The result when it is certainly cheap to find on the event loop, else null. */
export function findQuoteInline(text: string, selector: QuoteSelector): Result | null {
  if (text.length > INLINE_TEXT_UNITS) return null;
  const exact = anchorExactQuote(text, selector);
  if (!("error" in exact) || exact.error === "ambiguous") return exact;
  return approximateIsCheap(text, selector.exact) ? anchorQuote(text, selector) : null;
}

/**
 * Finds a quote in `text` (lib/anchoring/quote.ts semantics) without stalling the event loop:
 * inline when cheap, else in the worker thread. Rejects with 422 `quote_search_timeout` when
 * the search outlasts QUOTE_SEARCH_TIME_LIMIT_MS, 503 `anchoring_busy` when too many wait.
 */
export async function findQuote(text: string, selector: QuoteSelector): Promise<Result> {
  const inline = findQuoteInline(text, selector);
  if (inline) return inline;
  store.marginaliaQuoteSearch ??= new QuoteSearchThread();
  return store.marginaliaQuoteSearch.search(text, selector);
}
