import { spawn, execFileSync } from "node:child_process";
import { mkdtemp, readFile, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { disconnectDb } from "@/lib/db";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { CLOSE } from "@/lib/collab/messages";
import { connect, until, type Client } from "../integration/collab/harness";
import { startApp, type AppInstance } from "./app";
import { agreement, annotationIdOf, checkNoLossNoDuplicates, connectWriters, createScene, listenForAnnotations, postAnnotation, savingAgain, startTyping } from "./scene";

const OUTAGE_MS = 10_000;
const clients: Client[] = [];
let app: AppInstance | undefined;
let home: string | undefined;
let restartedPid: number | undefined;
const databaseUrlBefore = process.env.DATABASE_URL;
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  // The app's own stop waits for the Postgres child it started, which the test replaced: end both here.
  await app?.stop("SIGKILL");
  if (restartedPid) await stopPostmaster(restartedPid);
  await disconnectDb();
  process.env.DATABASE_URL = databaseUrlBefore;
  if (home) await rm(home, { recursive: true, force: true });
});

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

async function stopPostmaster(pid: number) {
  if (!alive(pid)) return;
  process.kill(pid, "SIGINT");
  await until(() => !alive(pid), "the postmaster to stop", 15_000);
}

/** Postgres's own record of the command line that started it ("bin" "-D" "dir" …). */
function parseOpts(text: string): string[] {
  return [...text.trim().matchAll(/"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2]);
}

describe("the embedded Postgres restarted (10 s down) under typing, one instance", () => {
  it("loses nothing acknowledged, never says no access, answers 503, and saves again within 5 s of the restart", async () => {
    home = await mkdtemp(path.join(os.tmpdir(), "marginalia-faults-embedded-"));
    const dataDir = path.join(home, "postgres");
    app = await startApp({ DATABASE_URL: undefined, REDIS_URL: undefined, APP_URL: undefined, AUTH_SECRET: undefined, MARGINALIA_DATA_DIR: dataDir });
    // The test joins the app's embedded server for its fixtures, as the CLI does.
    const joined = await startEmbeddedPostgres({ dataDir, shared: true });
    await disconnectDb();
    process.env.DATABASE_URL = joined.url;
    const scene = await createScene();
    const writers = await connectWriters([app], scene.document.id, scene.editorTokens);
    clients.push(...writers.map((w) => w.client));
    const listener = listenForAnnotations(app, scene.document.id, scene.ownerToken);
    clients.push(listener.client);

    const stop = startTyping(writers);
    await new Promise((r) => setTimeout(r, 2000));
    const pid = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
    const [binary, ...args] = parseOpts(await readFile(path.join(dataDir, "postmaster.opts"), "utf8"));
    const downAt = Date.now();
    await stopPostmaster(pid);
    const during = await postAnnotation(app, scene.document.id, scene.ownerToken, "Seeded once");
    const health = await fetch(`${app.baseUrl}/api/health`);
    const newcomer = connect(app.collabUrl, scene.document.id, { token: scene.ownerToken });
    clients.push(newcomer);
    await until(() => newcomer.closes.some((c) => c.code === CLOSE.storageFailed.code), "a newcomer refused as retryable");
    await new Promise((r) => setTimeout(r, OUTAGE_MS - (Date.now() - downAt)));

    // Started again exactly as before, as the postgres user when running as root.
    const asPostgres = process.getuid?.() === 0 ? { uid: Number(execFileSync("id", ["-u", "postgres"]).toString()), gid: Number(execFileSync("id", ["-g", "postgres"]).toString()) } : {};
    const postmaster = spawn(binary, args, { ...asPostgres, detached: true, stdio: "ignore" });
    postmaster.unref();
    restartedPid = postmaster.pid;
    const upAt = Date.now();

    expect(during.status).toBe(503);
    expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await during.json()) as { error: { code: string } }).error.code).toBe("unavailable");
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ db: "unreachable" });
    const resumedMs = await savingAgain(writers, 5000);
    stop();
    // An annotation made once the database is back reaches the document's readers.
    const created = await postAnnotation(app, scene.document.id, scene.ownerToken, "Seeded once");
    expect(created.status).toBe(201);
    const id = await annotationIdOf(created);
    const wanted = writers.flatMap((w) => w.sent.map((s) => s.token));
    const { text } = await agreement([app], scene.document.id, scene.ownerToken, wanted, 5000);
    const result = checkNoLossNoDuplicates(text, writers);
    expect(result.lost).toEqual([]);
    expect(result.duplicated).toEqual([]);
    expect(writers.flatMap((w) => w.authFailures)).toEqual([]);
    expect(newcomer.authFailure).toBeUndefined();
    expect(listener.client.authFailure).toBeUndefined();
    await expect.poll(() => listener.events.some((e) => e.id === id), { timeout: 5000 }).toBe(true);
    const lines = app.linesBetween(downAt - 500, upAt + 5000);
    expect(lines.length, lines.join("\n")).toBeLessThan(50);
    expect(lines.join("\n")).not.toMatch(/uncaught|unhandled/i);
    expect(app.child.exitCode).toBeNull();
    console.log(`embedded restart: ${result.acknowledged}/${result.sent} edits acknowledged, none lost or doubled; saving again ${resumedMs} ms after Postgres was started again; ${lines.length} log lines`);
  }, 120_000);
});
