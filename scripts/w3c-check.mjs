#!/usr/bin/env node
/**
 * Runs the W3C Web Annotation conformance kit against the built app, as a client would meet it:
 * server.ts in production mode with a fresh embedded Postgres and the demo seed, on a free port.
 *   node scripts/w3c-check.mjs [--kit ../shared/w3c] [--rebuild] [--keep]
 * It copies the kit to a temporary folder (the kit's own folder may be read-only), installs it,
 * signs in as the demo owner, puts 100 annotations by the demo editor on the demo document so the
 * container spans several pages, then runs check-protocol.mjs on the document's container and
 * check-annotation.mjs on a created annotation, a container page, the container and the JSON-LD
 * export. Exits 1 when any check reports a MUST failure (or cannot run), 0 otherwise.
 */
import { execFileSync, spawn } from "node:child_process";
import { tsxImports } from "./node-flags.mjs";
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const { values: args } = parseArgs({
  options: { kit: { type: "string", default: path.join(root, "..", "shared", "w3c") }, rebuild: { type: "boolean", default: false }, keep: { type: "boolean", default: false } },
});
const DEMO = { owner: "ada@demo.marginalia.test", editor: "basil@demo.marginalia.test", password: "margins-are-for-reading" };
/** Annotations by another member, so that the kit's --fill 25 lands on a second page (pages hold 100). */
const BACKGROUND_ANNOTATIONS = 100;
const say = (m) => console.log(`[w3c-check] ${m}`);

process.env.NEXT_TELEMETRY_DISABLED ??= "1";
const home = mkdtempSync(path.join(os.tmpdir(), "marginalia-w3c-"));
let server = null;
let serverLog = "";

function newest(target) {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let latest = stat.mtimeMs;
  for (const entry of readdirSync(target)) if (entry !== "node_modules" && entry !== "generated") latest = Math.max(latest, newest(path.join(target, entry)));
  return latest;
}

/** Builds the app unless the last build is newer than every source (as scripts/app.mjs decides). */
function build() {
  execFileSync(process.execPath, [path.join(root, "scripts", "ensure.mjs"), "--quiet"], { cwd: root, stdio: "inherit" });
  const buildId = path.join(root, process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const sources = ["app", "components", "lib", "public", "next.config.js", "package-lock.json", "postcss.config.mjs", "tsconfig.json", "proxy.ts"];
  const stale = !existsSync(buildId) || sources.some((s) => newest(path.join(root, s)) > statSync(buildId).mtimeMs);
  if (!args.rebuild && !stale) return say("the last build is current; not rebuilding");
  say("building the app (next build)…");
  execFileSync(process.execPath, [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"], { cwd: root, stdio: "inherit" });
}

function installKit() {
  if (!existsSync(path.join(args.kit, "check-protocol.mjs"))) throw new Error(`no conformance kit at ${args.kit} (pass --kit DIR)`);
  const kit = path.join(home, "w3c");
  cpSync(args.kit, kit, { recursive: true, filter: (src) => path.basename(src) !== "node_modules" });
  execFileSync("chmod", ["-R", "u+w", kit]);
  execFileSync(process.platform === "win32" ? "npm.cmd" : "npm", ["ci", "--prefix", kit, "--no-audit", "--no-fund", "--loglevel=error"], { stdio: "inherit" });
  return kit;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** server.ts in production mode, its own embedded Postgres (fresh, so the demo is seeded), APP_URL = its address. */
async function startApp() {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const env = { ...process.env, NODE_ENV: "production", PORT: String(port), APP_URL: baseUrl, MARGINALIA_DATA_DIR: path.join(home, "postgres") };
  delete env.DATABASE_URL;
  delete env.MARGINALIA_SEED_DEMO;
  server = spawn(process.execPath, [...tsxImports(), "server.ts"], { cwd: root, env, stdio: ["ignore", "pipe", "pipe"] });
  await new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the app did not start within 120 s:\n${serverLog}`)), 120_000);
    const onData = (chunk) => {
      serverLog += chunk;
      if (/ready on http/.test(serverLog)) {
        clearTimeout(timer);
        resolve();
      }
    };
    server.stdout.on("data", onData);
    server.stderr.on("data", onData);
    server.once("exit", (code) => reject(new Error(`the app exited (${code}) before it was ready:\n${serverLog}`)));
  });
  return baseUrl;
}

async function stopApp() {
  if (!server || server.exitCode !== null) return;
  const exited = new Promise((resolve) => server.once("exit", resolve));
  server.kill("SIGTERM");
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (server.exitCode === null) server.kill("SIGKILL");
}

async function api(baseUrl, method, pathname, { token, json, headers = {} } = {}) {
  const h = { ...headers };
  if (token) h.Authorization = `Bearer ${token}`;
  if (json !== undefined) h["Content-Type"] ??= "application/json";
  const res = await fetch(new URL(pathname, baseUrl), { method, headers: h, body: json === undefined ? undefined : JSON.stringify(json) });
  const text = await res.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = text;
  }
  if (res.status >= 400) throw new Error(`${method} ${pathname} answered ${res.status}: ${text.slice(0, 300)}`);
  return { status: res.status, headers: res.headers, data, text };
}

const tokenFor = async (baseUrl, email) => (await api(baseUrl, "POST", "/api/v1/tokens", { json: { email, password: DEMO.password, label: "w3c-check" } })).data.token;

/** The first run of four words that occurs exactly once in the text: an unambiguous quote. */
function uniqueQuote(text) {
  const words = [...text.matchAll(/[\p{L}\p{N}’']+/gu)];
  for (let i = 0; i + 3 < words.length; i += 1) {
    const start = words[i].index;
    const end = words[i + 3].index + words[i + 3][0].length;
    const quote = text.slice(start, end);
    if (/^[\p{L}\p{N}’' ]+$/u.test(quote) && text.indexOf(quote) === text.lastIndexOf(quote)) return quote;
  }
  throw new Error("the demo text has no unambiguous four-word quote");
}

const annotationOn = (baseUrl, documentId, quote, note) => ({
  "@context": "http://www.w3.org/ns/anno.jsonld",
  type: "Annotation",
  body: { type: "TextualBody", value: note, format: "text/plain", purpose: "commenting" },
  target: { source: `${baseUrl}/documents/${documentId}`, selector: { type: "TextQuoteSelector", exact: quote } },
});

/** Runs one kit command, echoing its output; returns its tally from the last lines. */
async function runKit(kit, name, argv) {
  say(`$ node ${path.basename(kit)}/${argv.map((a, i) => (argv[i - 1] === "--token" ? "<token>" : /\s/.test(a) ? `"${a}"` : a)).join(" ")}`);
  // Asynchronously: a blocked event loop would leave this process's idle keep-alive sockets stale.
  const child = spawn(process.execPath, argv, { cwd: kit, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  const echo = (chunk) => {
    output += chunk;
    process.stdout.write(chunk);
  };
  child.stdout.on("data", echo);
  child.stderr.on("data", echo);
  const code = await new Promise((resolve) => child.once("close", (c) => resolve(c ?? 2)));
  const last = /^(\d+) passed, (\d+) failed\s*$/m.exec(output.trim().split("\n").at(-1) ?? "");
  const warned = /# (\d+) SHOULD(?:\/MAY)? (?:check|assertion)\(s\) not met \(WARN\), (\d+) skipped/.exec(output);
  return { name, code, passed: last ? Number(last[1]) : 0, failed: last ? Number(last[2]) : 1, warned: warned ? Number(warned[1]) : 0, skipped: warned ? Number(warned[2]) : 0 };
}

async function main() {
  build();
  const kit = installKit();
  const baseUrl = await startApp();
  say(`app ready on ${baseUrl}`);
  const owner = await tokenFor(baseUrl, DEMO.owner);
  const editor = await tokenFor(baseUrl, DEMO.editor);
  const group = (await api(baseUrl, "GET", "/api/v1/groups", { token: owner })).data.items[0];
  const document = (await api(baseUrl, "GET", `/api/v1/groups/${group.id}/documents`, { token: owner })).data.items[0];
  const text = (await api(baseUrl, "GET", `/api/v1/documents/${document.id}/text`, { token: owner })).text;
  const quote = uniqueQuote(text);
  const container = `${baseUrl}/api/annotations/${document.id}/`;
  say(`document “${document.title}” (${document.id}); quote “${quote}”`);

  const redirect = await fetch(container, { headers: { Authorization: `Bearer ${owner}` }, redirect: "manual" });
  if (redirect.status >= 300 && redirect.status < 400) say(`WARN the container IRI answers ${redirect.status} → ${redirect.headers.get("location")} (set skipTrailingSlashRedirect in next.config.js)`);

  say(`adding ${BACKGROUND_ANNOTATIONS} annotations by the demo editor, so the container has several pages`);
  for (let i = 0; i < BACKGROUND_ANNOTATIONS; i += 1) {
    await api(baseUrl, "POST", container, { token: editor, json: annotationOn(baseUrl, document.id, quote, `Background note ${i + 1}`), headers: { "Content-Type": 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' } });
  }

  const results = [];
  results.push(await runKit(kit, "protocol", ["check-protocol.mjs", container, "--token", owner, "--target-source", `${baseUrl}/documents/${document.id}`, "--quote", quote, "--fill", "25", "--require-if-match"]));

  const ld = { Accept: 'application/ld+json; profile="http://www.w3.org/ns/anno.jsonld"' };
  const made = await api(baseUrl, "POST", container, { token: owner, json: { ...annotationOn(baseUrl, document.id, quote, "Checked by the W3C model suite"), body: [{ type: "TextualBody", value: "Checked by the W3C model suite", format: "text/markdown", purpose: "commenting", language: "en" }, { type: "TextualBody", value: "conformance", purpose: "tagging" }] }, headers: { ...ld, "Content-Type": ld.Accept } });
  const files = {
    "annotation.json": (await api(baseUrl, "GET", made.data.id, { token: owner, headers: ld })).text,
    "page.json": (await api(baseUrl, "GET", `${container}?page=1`, { token: owner, headers: ld })).text,
    "container.json": (await api(baseUrl, "GET", container, { token: owner, headers: ld })).text,
    "export.jsonld": (await api(baseUrl, "GET", `/api/v1/documents/${document.id}/annotations/export?format=jsonld`, { token: owner })).text,
  };
  for (const [name, body] of Object.entries(files)) writeFileSync(path.join(home, name), body);
  results.push(await runKit(kit, "model: annotation", ["check-annotation.mjs", path.join(home, "annotation.json"), "--quiet"]));
  results.push(await runKit(kit, "model: container page", ["check-annotation.mjs", path.join(home, "page.json"), "--collection", "--quiet"]));
  results.push(await runKit(kit, "model: container", ["check-annotation.mjs", path.join(home, "container.json"), "--collection", "--quiet"]));
  results.push(await runKit(kit, "model: JSON-LD export", ["check-annotation.mjs", path.join(home, "export.jsonld"), "--collection", "--quiet"]));

  console.log("\n[w3c-check] summary");
  for (const r of results) console.log(`  ${r.name.padEnd(24)} ${String(r.passed).padStart(4)} PASS  ${String(r.failed).padStart(3)} FAIL  ${String(r.warned).padStart(3)} WARN  ${String(r.skipped).padStart(3)} SKIP${r.code ? `  (exit ${r.code})` : ""}`);
  const total = results.reduce((t, r) => ({ passed: t.passed + r.passed, failed: t.failed + r.failed, warned: t.warned + r.warned }), { passed: 0, failed: 0, warned: 0 });
  console.log(`  ${"total".padEnd(24)} ${String(total.passed).padStart(4)} PASS  ${String(total.failed).padStart(3)} FAIL  ${String(total.warned).padStart(3)} WARN`);
  return results.some((r) => r.code !== 0 || r.failed > 0) ? 1 : 0;
}

let exitCode = 1;
try {
  exitCode = await main();
} catch (error) {
  console.error(`[w3c-check] ${error instanceof Error ? `${error.message}${error.cause ? ` (${error.cause.message ?? error.cause})` : ""}` : error}`);
  if (serverLog) console.error(`[w3c-check] app log:\n${serverLog.slice(-4000)}`);
} finally {
  await stopApp();
  if (args.keep) say(`kept ${home}`);
  else rmSync(home, { recursive: true, force: true });
}
process.exit(exitCode);
