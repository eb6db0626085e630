// Entry of the quote-search worker thread: registers tsx for this thread (a worker's own
// `--import tsx` comes too late for its entry on Node 20), then loads the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./quote-thread.ts");
