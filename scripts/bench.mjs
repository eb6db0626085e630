#!/usr/bin/env node
/**
 * `npm run bench`: runs bench/run.ts in a node process with the server's V8 settings
 * (scripts/node-flags.mjs), since the API benchmarks measure the request path in-process.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { serverNodeFlags, tsxImports } from "./node-flags.mjs";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const child = spawn(process.execPath, [...serverNodeFlags(), ...tsxImports(), path.join(root, "bench", "run.ts"), ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
