/**
 * The V8 settings the server process runs with, in one place: `npm start`, the browser tests'
 * server and `npm run bench` (which measures the request path in its own process) all use them.
 *
 * `--initial-old-space-size`: V8 otherwise keeps the old generation's limit close to what is
 * live (about 1.25×) and, on a server that serves large JSON pages, runs a full mark-compact
 * every few hundred milliseconds; on a small machine that shared the cores with Postgres it was
 * the main cause of slow requests (`npm run bench -- annotation-api`: ?page=N p99 about 30 ms
 * with the default, about 15 ms with 512). Garbage is allowed to grow to this size before the
 * first full collection, so memory use rises accordingly; MARGINALIA_INITIAL_HEAP_MB sets it
 * (0 leaves V8's default).
 */
export const DEFAULT_INITIAL_HEAP_MB = 512;

export function serverNodeFlags(env = process.env) {
  const raw = env.MARGINALIA_INITIAL_HEAP_MB;
  const mb = raw === undefined || raw === "" ? DEFAULT_INITIAL_HEAP_MB : Number(raw);
  if (!Number.isInteger(mb) || mb < 0 || mb > 65536) {
    throw new Error(`MARGINALIA_INITIAL_HEAP_MB must be a whole number of megabytes from 0 to 65536, not ${JSON.stringify(raw)}`);
  }
  return mb === 0 ? [] : [`--initial-old-space-size=${mb}`];
}

/** The hook that lets `import "server-only"` load outside Next (scripts/server-only.mjs), as a URL for --import. */
export const SERVER_ONLY_HOOK = new URL("./server-only.mjs", import.meta.url).href;

/**
 * How a Node process outside Next loads our TypeScript: tsx, and the server-only hook. Every
 * process that runs server.ts, the CLI or other lib/ server code starts with these.
 */
export function tsxImports() {
  return ["--import", "tsx", "--import", SERVER_ONLY_HOOK];
}
