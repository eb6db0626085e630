import { onRevocationAnywhere, revokes, type Credential } from "../auth/revocation";
import type { GroupViewer } from "../policies/viewer";
import { queueCounts } from "../queries/moderation";
import { watchModerationQueue } from "./queue-watch";
import { isDatabaseOutage } from "../health/dependency";
import { componentLogger, errorFields } from "../log";

/** Headers for Server-Sent Events; `no-transform` keeps compression from buffering the stream. */
export const EVENT_STREAM_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  Connection: "keep-alive",
  "X-Accel-Buffering": "no",
};

/** Under the usual 30–60 s idle timeouts of proxies, so an idle stream is not cut. */
export const HEARTBEAT_MS = 25_000;
/** How long a browser waits before reconnecting after the stream drops. */
const RETRY_MS = 3_000;

/**
 * A moderator's queue as Server-Sent Events: `ready` with the counts at once, then `queue`
 * `{events: [{type, annotationId}], counts}` whenever the queue changes, and a comment line as a
 * heartbeat. It ends when the request is aborted, the moderator loses the right to read it, or the
 * session or token that opened it is revoked (on any instance).
 */
export function moderationEventStream(opts: { viewer: GroupViewer; credential: Credential; signal: AbortSignal; heartbeatMs?: number; logger?: (message: string, error?: unknown) => void }) {
  const encoder = new TextEncoder();
  let close = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(chunk));
        } catch {
          close();
        }
      };
      const event = (name: string, data: unknown) => send(`event: ${name}\ndata: ${JSON.stringify(data)}\n\n`);
      // Listen first, then count: nothing that happens in between is lost, and `ready` comes first.
      let ready: Promise<void> = Promise.resolve();
      const stop = watchModerationQueue({ viewer: opts.viewer, onChange: (change) => void ready.then(() => event("queue", change)), onEnd: () => close() });
      const heartbeat = setInterval(() => send(`: heartbeat\n\n`), opts.heartbeatMs ?? HEARTBEAT_MS);
      const stopWatchingCredential = onRevocationAnywhere((revocation) => {
        if (revokes(revocation, opts.credential)) close();
      });
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        stop();
        stopWatchingCredential();
        opts.signal.removeEventListener("abort", close);
        try {
          controller.close();
        } catch {
          // already closed or cancelled by the reader
        }
      };
      opts.signal.addEventListener("abort", close);
      send(`retry: ${RETRY_MS}\n\n`);
      ready = queueCounts(opts.viewer).then(
        (counts) => event("ready", { counts }),
        (error) => {
          if (!isDatabaseOutage(error, "counting the moderation queue")) (opts.logger ?? ((m: string, e: unknown) => componentLogger("moderation").error(errorFields(e), m)))("counting the moderation queue failed", error);
          close();
        },
      );
      if (opts.signal.aborted) close();
    },
    cancel() {
      close();
    },
  });
}
