/**
 * Worker-thread entry of lib/annotations/find-quote.ts: anchors quotes off the event loop, one
 * job at a time. It says "ready" once loaded, so that loading never counts against a job's time.
 */
import { parentPort } from "node:worker_threads";
import { anchorQuote, type QuoteSelector } from "./quote";

parentPort?.on("message", (job: { text: string; selector: QuoteSelector }) => {
  parentPort?.postMessage({ result: anchorQuote(job.text, job.selector) });
});
parentPort?.postMessage({ ready: true });
