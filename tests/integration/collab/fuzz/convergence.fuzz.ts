/**
 * Convergence fuzz, in the spirit of Yjs's applyRandomTests but end to end: 2–5 real
 * @hocuspocus/provider clients on one document of one real collaboration server (started
 * once for the file), random edits (text, marks, paragraphs), graceful disconnects with
 * offline editing, abrupt socket drops, and random yields to the network in between; the
 * operations are planned from the seed (fuzz/plan.ts), the network timing is real.
 *
 * At the end everyone reconnects and, once every client is synced, has no unapplied update
 * and has been told its edits are saved (fuzz/saves.ts), every replica must be identical:
 * each client, the server's in-memory document, the stored state (Document.yState + the
 * DocumentUpdate log in id order, read now, without waiting), what a fresh reader loads
 * right after everyone left (the server unloads and compacts meanwhile), and the stored
 * state after a forced compaction. Every "saved" a client was told during the run is also
 * checked against the database, and the server must log no error.
 *
 *   COLLAB_FUZZ_SEEDS=1000   run seeds 1..1000 (default 200)
 *   COLLAB_FUZZ_FROM=5000    start at another seed (default 1)
 *   COLLAB_FUZZ_SEED=42      replay one seed
 */
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import * as Y from "yjs";
import { UpdateLog } from "@/lib/db/update-log";
import { textProjection } from "@/lib/editor/projection";
import { yDocToJSON } from "@/lib/editor/ydoc";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../../factories";
import { startCollab, textOf, type Client } from "../harness";
import { connectClient as connect } from "./clients";
import { Executor, makePlan } from "./plan";
import { clockAcknowledged, SaveTracker } from "./saves";
import { describeDifference, sameSnapshot, StoredReader, viewOf, waitFor, type View } from "./state";

function seedsFromEnv(): number[] {
  const one = process.env.COLLAB_FUZZ_SEED;
  if (one) return [Number(one)];
  const count = Number(process.env.COLLAB_FUZZ_SEEDS || 200);
  const from = Number(process.env.COLLAB_FUZZ_FROM || 1);
  return Array.from({ length: count }, (_, i) => from + i);
}

const SEEDS = seedsFromEnv();
const databaseUrl = inject("databaseUrl");
let server: Awaited<ReturnType<typeof startCollab>>;
let stored: StoredReader;
let group: { id: string };
let users: { id: string; token: string }[];
const lifecycle: { at: number; hook: string; documentName: string }[] = [];
/** Seeds where some client was saved by `complete` but its own clock was never acknowledged. */
const clockGaps: number[] = [];

beforeAll(async () => {
  // A small compactAfter so the server also compacts while the fuzz is appending.
  server = await startCollab({ compactAfter: 7 });
  // Diagnostics only: which documents load and unload when, for failure messages.
  type Payload = { documentName: string; socketId?: string; connection?: { socketId: string }; update?: Uint8Array; type?: number; clientsCount?: number };
  const note =
    (hook: string, detail: (p: Payload) => string = () => "") =>
    async (p: Payload) =>
      void lifecycle.push({ at: Date.now(), hook: `${hook}${detail(p)}`, documentName: p.documentName });
  const socket = (p: Payload) => ` ${(p.connection?.socketId ?? p.socketId ?? "-").slice(0, 6)}`;
  server.collab.hocuspocus.configuration.extensions.push({
    onLoadDocument: note("load"),
    afterUnloadDocument: note("unloaded"),
    connected: note("connected", socket),
    onDisconnect: note("disconnected", socket),
    beforeSync: note("sync", (p) => `${socket(p)} step ${p.type}`),
    onChange: note("change", (p) => `${socket(p)} ${p.update ? JSON.stringify(Object.fromEntries(Y.parseUpdateMeta(p.update).to)) : ""}`),
  } as never);
  stored = new StoredReader(databaseUrl);
  const created = await createGroup();
  group = created.group;
  const editors = await Promise.all([1, 2, 3, 4].map(() => createMember(created.group.id, "editor")));
  users = await Promise.all([created.owner, ...editors].map(async (u) => ({ id: u.id, token: await tokenFor(u.id) })));
});

afterAll(async () => {
  if (clockGaps.length) console.log(`collab fuzz: in seeds ${clockGaps.join(", ")} a client's own clock was never acknowledged by a "saved" clock (covered by "complete" instead)`);
  await server?.stop();
  await stored?.close();
});

const equalViews = (a: View, b: View) => a.text === b.text && a.xml === b.xml && JSON.stringify(a.stateVector) === JSON.stringify(b.stateVector);

/** Where each client stands, for failure messages. */
function clientReport(clients: Client[], trackers: SaveTracker[], reference: Y.Doc | undefined): string {
  return clients
    .map((c, i) => {
      const p = c.provider;
      const id = c.doc.clientID;
      const acked = Math.max(0, ...c.saved.map((m) => m.clocks[String(id)] ?? 0));
      const onServer = reference ? Y.getState(reference.store, id) : "-";
      const status = `id=${id} ${p.configuration.websocketProvider.status} auth=${p.isAuthenticated} synced=${p.isSynced} unsynced=${p.unsyncedChanges} saved=${trackers[i]?.saved} clock=${Y.getState(c.doc.store, id)} on server=${onServer} acknowledged=${acked} (saved messages: ${c.saved.map((m) => JSON.stringify(m.clocks) + (m.complete ? "+complete" : "")).join(" ").slice(0, 500)}) closes=${JSON.stringify(c.closes.slice(-3))}`;
      const diff = reference ? (sameSnapshot(c.doc, reference) && equalViews(viewOf(c.doc), viewOf(reference)) ? "same as server" : describeDifference("vs server", viewOf(reference), viewOf(c.doc))) : "server has no document loaded";
      return `  client ${i}: ${status}\n    ${diff}`;
    })
    .join("\n");
}

function lifecycleReport(documentName: string, since: number): string {
  const events = lifecycle.filter((e) => e.documentName === documentName).map((e) => `+${e.at - since}ms ${e.hook}`);
  return `  server: ${events.slice(-80).join("\n    ") || "no load/unload"}`;
}

async function runSeed(seed: number) {
  lifecycle.length = 0;
  const plan = makePlan(seed);
  const replay = `replay: COLLAB_FUZZ_SEED=${seed} npm run test:fuzz`;
  const fail = (what: string, details = "") => expect.fail(`seed ${seed}: ${what}\n${replay}\n${details}`);
  const because = (what: string) => `seed ${seed}: ${what}\n${replay}`;
  const errorsBefore = server.errors.length;
  const phases: string[] = [];
  let phaseStart = Date.now();
  const phase = (name: string) => {
    phases.push(`${name} ${Date.now() - phaseStart}`);
    phaseStart = Date.now();
  };

  const document = await createDocumentIn(group.id, users[0].id, plan.initial);
  const clients = users.slice(0, plan.clients).map((u) => connect(server.url, document.id, { token: u.token }));
  const serverDoc = () => server.collab.hocuspocus.documents.get(document.id);
  const destroyAll = () => clients.splice(0).forEach((c) => c.destroy());
  const executor = new Executor(clients);
  const trackers = clients.map((c, i) => new SaveTracker(c, stored, document.id, `client ${i}`, executor.started));
  const fuzzClients = [...clients];
  const diagnostics = () => `${clientReport(fuzzClients, trackers, serverDoc())}\n${lifecycleReport(document.id, executor.started)}\n  ops and sockets:\n    ${executor.trace.slice(-80).join("\n    ")}`;
  try {
    await waitFor(() => clients.every((c) => c.provider.isSynced), because("initial sync"), 15_000);
    expect(clients.map((c) => textOf(c.doc)), because("seeded text")).toEqual(clients.map(() => plan.initial));
    phase("connect");

    for (const op of plan.ops) await executor.run(op);
    phase("edit");

    // Everyone back online. Settled: each client synced on a live connection, every update it
    // sent applied by the server (no unsynced changes), told its edits are saved (see
    // SaveTracker), and identical to the server's document.
    executor.reconnectAll();
    const settled = () => {
      const s = serverDoc();
      if (!s) return false;
      const reference = viewOf(s);
      return clients.every(
        (c, i) => c.provider.isSynced && c.provider.isAuthenticated && !c.provider.hasUnsyncedChanges && trackers[i].saved && sameSnapshot(c.doc, s) && equalViews(viewOf(c.doc), reference),
      );
    };
    try {
      await waitFor(settled, "settled", 20_000);
    } catch {
      const s = serverDoc();
      const diverged = !s || clients.some((c) => !sameSnapshot(c.doc, s) || !equalViews(viewOf(c.doc), viewOf(s)));
      fail(diverged ? "clients did not converge with the server" : "clients converged but not all were told their edits are saved", diagnostics());
    }
    const live = serverDoc()!;
    const expected = viewOf(live);
    for (const [i, c] of clients.entries()) {
      expect(viewOf(c.doc), because(`client ${i} vs server`)).toEqual(expected);
      expect(sameSnapshot(c.doc, live), because(`client ${i} delete set vs server`)).toBe(true);
    }
    // Informational: a client whose own Yjs clock no "saved" clock reached (it was covered by
    // `complete` instead), as harness isSaved would wait for forever. Reported in afterAll.
    if (clients.some((c) => !clockAcknowledged(c))) clockGaps.push(seed);
    phase("converge");

    // Every client has been told all its edits are stored, and the server's document is the
    // union of their edits: so the stored state must equal it now, without waiting.
    const storedMatches = async () => {
      const { doc } = await stored.load(document.id);
      return { doc, ok: sameSnapshot(doc, live) && equalViews(viewOf(doc), expected) };
    };
    const now = await storedMatches();
    if (!now.ok) {
      let later = "and still differs 5 s later";
      for (let waited = 0; waited < 5000; waited += 50) {
        await new Promise((r) => setTimeout(r, 50));
        if ((await storedMatches()).ok) {
          later = `but matches ${waited + 50} ms later`;
          break;
        }
      }
      fail(`every client was told its edits are saved, yet the stored state differs from the server's (${later})`, `${describeDifference("stored vs server", expected, viewOf(now.doc))}\n${diagnostics()}`);
    }
    phase("stored");

    // Everyone leaves: the server unloads the document (compacting its log as it goes) and a
    // fresh reader, connecting right away, loads the same state.
    destroyAll();
    await waitFor(() => !serverDoc(), because("document unloaded"), 10_000);
    const reader = connect(server.url, document.id, { token: users[0].token });
    clients.push(reader);
    await waitFor(() => reader.provider.isSynced, because("fresh reader sync"), 10_000);
    if (!sameSnapshot(reader.doc, live) || !equalViews(viewOf(reader.doc), expected)) {
      const storedNow = viewOf((await stored.load(document.id)).doc);
      fail(
        "a fresh reader, connecting as the server unloads the document, loaded a different state",
        `${describeDifference("reader vs before", expected, viewOf(reader.doc))}\n  reader state vector ${JSON.stringify(viewOf(reader.doc).stateVector)}\n  stored state vector ${JSON.stringify(storedNow.stateVector)} (${equalViews(storedNow, expected) ? "the database has everything" : "the database differs too"})\n${lifecycleReport(document.id, executor.started)}`,
      );
    }
    phase("reload");

    // A forced compaction folds the log into the snapshot without changing the state.
    const compactor = new UpdateLog(databaseUrl, 1);
    try {
      await compactor.compact(document.id);
      // The server's own loader agrees too (nothing compacts concurrently any more).
      const viaLog = await compactor.load(document.id);
      const loaded = new Y.Doc();
      viaLog.updates.forEach((u) => Y.applyUpdate(loaded, u));
      expect(viewOf(loaded), because("UpdateLog.load after compaction")).toEqual(expected);
    } finally {
      await compactor.close();
    }
    const compacted = await stored.load(document.id);
    expect(compacted.rows, because("log rows left after compaction")).toBe(0);
    expect(viewOf(compacted.doc), because("stored state after compaction")).toEqual(expected);
    expect(sameSnapshot(compacted.doc, live), because("delete set after compaction")).toBe(true);
    expect(compacted.text, because("Document.text projection after compaction")).toBe(textProjection(yDocToJSON(live)));
    phase("compact");

    // Every "saved" a client was told during the run held against the database.
    await Promise.all(trackers.map((t) => t.settled()));
    const violations = trackers.flatMap((t) => t.violations);
    if (violations.length) fail("a client was told its edits are saved before they were stored", `  ${violations.join("\n  ")}\n${diagnostics()}`);
    expect(server.errors.slice(errorsBefore), because("server logged errors")).toEqual([]);
    if (process.env.COLLAB_FUZZ_VERBOSE) console.log(`seed ${seed}: ${plan.clients} clients, ${plan.ops.length} steps; ${phases.join(", ")} ms`);
  } finally {
    destroyAll();
  }
}

describe("collaboration convergence fuzz", () => {
  for (const seed of SEEDS) it(`seed ${seed}`, () => runSeed(seed), 60_000);
});
