/**
 * Times every query that goes through node-postgres in this process (Prisma's adapter-pg
 * included), by wrapping pg.Client#query: how many round trips a piece of work makes and how
 * long it waited for them. `ms` is wall time with at least one query outstanding, so queries
 * sent together (Promise.all) count once. One piece of work at a time: the counters are global.
 */
import { performance } from "node:perf_hooks";
import pg from "pg";

export type QueryTally = {
  queries: number;
  ms: number;
  /** The statements, whitespace collapsed, first 200 characters (up to 50 of them). */
  texts: string[];
  /** With `capture`: every statement in full with its parameters, in the order sent. */
  captured: { text: string; values: unknown[] }[];
  capture: boolean;
  outstanding: number;
  since: number;
};

let current: QueryTally | null = null;
let installed = false;

function install() {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    const tally = current;
    if (!tally) return original.apply(this, args);
    if (tally.outstanding++ === 0) tally.since = performance.now();
    const first = args[0] as string | { text?: string; values?: unknown[] } | undefined;
    const text = typeof first === "string" ? first : (first?.text ?? "");
    if (tally.capture) tally.captured.push({ text, values: (typeof first === "string" ? (Array.isArray(args[1]) ? args[1] : []) : first?.values) ?? [] });
    const done = () => {
      tally.queries++;
      if (--tally.outstanding === 0) tally.ms += performance.now() - tally.since;
      if (tally.texts.length < 50) tally.texts.push(text.replace(/\s+/g, " ").slice(0, 200));
    };
    const last = args[args.length - 1];
    if (typeof last === "function") {
      args[args.length - 1] = function (this: unknown, ...cbArgs: unknown[]) {
        done();
        return (last as (...a: unknown[]) => unknown).apply(this, cbArgs);
      };
      return original.apply(this, args);
    }
    const result = original.apply(this, args) as { then?: unknown; finally?: (f: () => void) => unknown } | undefined;
    if (result && typeof result.then === "function") {
      // Observe without changing what the caller gets (or an unhandled rejection).
      (result as Promise<unknown>).then(done, done);
    } else done();
    return result;
  };
}

/** Runs `work` and counts the node-postgres queries it makes and the time spent waiting on them. */
export async function withQueryTally<T>(work: () => Promise<T>, opts: { capture?: boolean } = {}): Promise<{ value: T; tally: QueryTally }> {
  install();
  const tally: QueryTally = { queries: 0, ms: 0, texts: [], captured: [], capture: opts.capture ?? false, outstanding: 0, since: 0 };
  const previous = current;
  current = tally;
  try {
    return { value: await work(), tally };
  } finally {
    current = previous;
  }
}
