/**
 * Loaded with `--import` by every Node process that runs our server code outside Next
 * (server.ts, the CLI, the benchmarks, the test children; tsxImports() in node-flags.mjs).
 * lib/db, lib/queries and lib/commands say `import "server-only"`, so that a client component that
 * reaches them fails Next's build. The package itself throws unless resolved under React's
 * "react-server" condition, which only Next's server layers set; this hook resolves it under that
 * condition here too (its empty module). Next's own bundles never see this hook: Next maps
 * "server-only" itself, to the empty module in server layers and to the throwing one in client
 * layers.
 */
import { register } from "node:module";

register("./server-only-resolve.mjs", import.meta.url);
