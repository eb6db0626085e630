/**
 * Hostile and malformed input for the collaboration server, over a bare `ws` WebSocket:
 * broken framing, junk before authentication, garbage after a valid authentication,
 * corrupt Yjs updates, text and oversized frames, floods, and an editor who keeps pasting
 * past maxDocumentBytes. For each: the offending socket is closed (with the code and reason
 * the server gives), nothing of it reaches the document, and two legitimate editors on the
 * same document keep editing, syncing and saving during and after the attack.
 *
 * Sockets that the server does not close at once (well-formed frames that wait for an
 * authentication, or a socket whose document connection was closed) are closed by
 * Hocuspocus's connection timeout. The production value (30 s, checked every 30 s) would
 * make this file take minutes, so the test server's timeout is lowered to IDLE_MS; the
 * legitimate clients send awareness heartbeats, as a browser's cursor would.
 */
import * as encoding from "lib0/encoding";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { startCollab, textOf, typeInto, until, type Client } from "./harness";
import { connectClient as connect } from "./fuzz/clients";
import { authFrame, AuthType, frame, lyingLength, MessageType, openRaw, preAuthOutcome, syncFrame, SyncType, type RawSocket } from "./fuzz/frames";
import { mulberry32 } from "./fuzz/random";
import { SaveTracker } from "./fuzz/saves";

// Every socket here comes from 127.0.0.1 and many present garbage credentials on purpose; the
// per-address throttle of failed authentication is tested in tests/security/connection-limits.test.ts.
process.env.AUTH_FAILURES_PER_MINUTE = "100000";
import { sameSnapshot, StoredReader, viewOf } from "./fuzz/state";

// Heartbeats come every 200 ms; the margin is for a worker that stalls while the rest of the
// suite and a build share the machine's two cores.
const IDLE_MS = 2500;
/** A socket the server means to time out is closed between IDLE_MS and 2 × IDLE_MS after its last message. */
const TIMEOUT_CLOSE_MS = 3 * IDLE_MS + 2000;
const MAX_PAYLOAD = 64 * 1024;

const databaseUrl = inject("databaseUrl");
let server: Awaited<ReturnType<typeof startCollab>>;
let stored: StoredReader;
let documentId: string;
let editorToken: string;
let a: Client;
let b: Client;
let trackers: SaveTracker[];
let heartbeat: NodeJS.Timeout;
const raws: RawSocket[] = [];
/** What the collaboration server's logger is expected to report for the current test. */
const expectedServerErrors: string[] = [];
/** What Hocuspocus printed (it reports rejected messages on the console). */
const consoleLines: string[] = [];
/**
 * What Hocuspocus may print while rejecting these inputs. Anything else (say a TypeError in
 * one of our extensions) fails the test that caused it.
 */
const DECODE_ERROR = "(Unexpected end of array|Integer out of Range|The encoded data was not valid for encoding utf-8)";
const EXPECTED_CONSOLE = [
  new RegExp(`^${DECODE_ERROR}$`),
  /^Hocuspocus: closing connection \S+: (unauthenticated message queue (length|size) limit exceeded|too many pending unauthenticated documents)/,
  new RegExp(`^closing connection \\S+ \\(while handling \\S+\\) because of exception (${DECODE_ERROR}|Received a message with an unknown type: \\d+|BroadcastStateless is a server-internal opcode.*|\\[object Object\\])$`),
  new RegExp(`^\\[beforeSync\\] ${DECODE_ERROR}$`),
  /^Unable to handle message of type \d+: no handler defined/,
];
/** Extra console output the current test provokes on purpose. */
const alsoExpectedConsole: RegExp[] = [];
let consoleChecked = 0;

beforeAll(async () => {
  for (const level of ["error", "warn"] as const) {
    vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map((x) => (x instanceof Error ? x.message : String(x))).join(" ")));
  }
  server = await startCollab({ maxPayloadBytes: MAX_PAYLOAD });
  server.collab.hocuspocus.configuration.timeout = IDLE_MS;
  stored = new StoredReader(databaseUrl);
  const { group, owner } = await createGroup();
  const editor = await createMember(group.id, "editor");
  const document = await createDocumentIn(group.id, owner.id, "Under attack.\n\nStill standing.");
  documentId = document.id;
  editorToken = await tokenFor(editor.id);
  a = connect(server.url, documentId, { token: await tokenFor(owner.id) });
  b = connect(server.url, documentId, { token: editorToken });
  trackers = [new SaveTracker(a, stored, documentId, "a"), new SaveTracker(b, stored, documentId, "b")];
  await until(() => a.provider.isSynced && b.provider.isSynced, "legitimate clients synced", 15_000);
  let beat = 0;
  heartbeat = setInterval(() => {
    beat++;
    a.provider.setAwarenessField("beat", beat);
    b.provider.setAwarenessField("beat", beat);
  }, 200);
});

afterAll(async () => {
  clearInterval(heartbeat);
  raws.forEach((r) => r.ws.terminate());
  a?.destroy();
  b?.destroy();
  await server?.stop();
  await stored?.close();
  vi.restoreAllMocks();
});

const live = () => server.collab.hocuspocus.documents.get(documentId)!;
const connectionsOnDocument = () => live().getConnections().length;

let edits = 0;
/** Each legitimate editor types a unique token; each sees the other's, and both are told "saved". */
async function roundTrip(label: string) {
  edits++;
  const fromA = `[a${edits}]`;
  const fromB = `[b${edits}]`;
  typeInto(a.doc, fromA);
  typeInto(b.doc, fromB);
  await until(() => textOf(a.doc).includes(fromB) && textOf(b.doc).includes(fromA), `${label}: edits round-trip between the legitimate editors`, 10_000);
  await until(() => trackers.every((t) => t.saved), `${label}: both editors told their edits are saved`, 10_000);
  expect(textOf(live()), `${label}: the server has both edits`).toContain(fromA);
}

function raw(): RawSocket {
  const socket = openRaw(server.url);
  raws.push(socket);
  return socket;
}

/** A raw socket authenticated as an editor of the attacked document. */
async function authenticated(): Promise<RawSocket> {
  const socket = raw();
  await socket.opened;
  socket.send(authFrame(documentId, editorToken));
  await until(() => socket.frames.some((f) => f.type === MessageType.Auth && f.authType === AuthType.Authenticated), "raw socket authenticated", 10_000);
  await until(() => connectionsOnDocument() === 3, "raw socket attached to the document", 10_000);
  return socket;
}

async function closedWithin(socket: RawSocket, ms: number, what: string) {
  const result = await Promise.race([socket.closed, new Promise<null>((r) => setTimeout(() => r(null), ms))]);
  if (!result) expect.fail(`${what}: the server did not close the socket within ${ms} ms`);
  return result;
}

afterEach(async () => {
  // After every attack: the legitimate editors still work, were never disconnected, nothing
  // leaked onto the document, the stored state is the live one, and the server logged no error.
  await roundTrip("after the attack");
  expect(a.closes, "legitimate editor a was never disconnected").toEqual([]);
  expect(b.closes, "legitimate editor b was never disconnected").toEqual([]);
  await until(() => connectionsOnDocument() === 2, "only the two legitimate connections remain", TIMEOUT_CLOSE_MS);
  expect(server.collab.hocuspocus.getConnectionsCount()).toBe(2);
  const { doc } = await stored.load(documentId);
  expect(viewOf(doc), "stored state equals the live document").toEqual(viewOf(live()));
  expect(sameSnapshot(doc, live())).toBe(true);
  expect(viewOf(a.doc)).toEqual(viewOf(live()));
  expect(viewOf(b.doc)).toEqual(viewOf(live()));
  expect(trackers.flatMap((t) => t.violations), "no 'saved' notice was contradicted by the database").toEqual([]);
  const printed = consoleLines.slice(consoleChecked);
  consoleChecked = consoleLines.length;
  const allowed = [...EXPECTED_CONSOLE, ...alsoExpectedConsole.splice(0)];
  expect(printed.filter((line) => !allowed.some((re) => re.test(line))), "nothing unexpected on the console").toEqual([]);
  expect(server.errors.splice(0), "the collaboration server logged nothing unexpected").toEqual(expectedServerErrors.splice(0));
}, 30_000);

/** A Yjs update, built on a copy of the live document, that would append `text` to its first paragraph. */
function updateAppending(text: string): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(live()));
  const before = Y.encodeStateVector(copy);
  const paragraph = copy.getXmlFragment("default").get(0) as Y.XmlElement;
  const node = paragraph.get(0) as Y.XmlText;
  node.insert(node.length, text);
  return Y.encodeStateAsUpdate(copy, before);
}

describe("broken framing before authentication", () => {
  it("closes a socket whose first frame is a truncated varint (4401)", async () => {
    const s = raw();
    await s.opened;
    s.send(new Uint8Array([0xff]));
    await roundTrip("during");
    expect(await closedWithin(s, 5000, "truncated varint")).toMatchObject({ code: 4401, reason: "Unauthorized" });
  });

  it("closes a socket that claims a 2^31-byte document name (4401)", async () => {
    const s = raw();
    await s.opened;
    s.send(lyingLength(2 ** 31));
    await roundTrip("during");
    expect(await closedWithin(s, 5000, "absurd length prefix")).toMatchObject({ code: 4401, reason: "Unauthorized" });
  });

  it("closes a socket that sends a text frame (1003)", async () => {
    const s = raw();
    await s.opened;
    s.send("hello, server");
    await roundTrip("during");
    expect(await closedWithin(s, 5000, "text frame")).toMatchObject({ code: 1003, reason: "binary frames only" });
  });

  it("closes a socket whose frame exceeds maxPayload (1009)", async () => {
    const s = raw();
    await s.opened;
    expectedServerErrors.push("socket error: Max payload size exceeded");
    s.send(syncFrame(documentId, SyncType.Update, new Uint8Array(MAX_PAYLOAD + 1)));
    await roundTrip("during");
    expect((await closedWithin(s, 5000, "oversized frame")).code).toBe(1009);
  });

  it("closes each socket that sends random bytes, as the server's parser dictates", async () => {
    // Half pure noise, half a real document name followed by noise (so the type and any
    // auth payload are noise too). preAuthOutcome mirrors ClientConnection's parsing.
    const rng = mulberry32(20_250_101);
    const corpus = Array.from({ length: 40 }, (_, i) => {
      const noise = rng.bytes(rng.int(1, 48));
      if (i % 2 === 0) return noise;
      const e = encoding.createEncoder();
      encoding.writeVarString(e, documentId);
      encoding.writeUint8Array(e, noise);
      return encoding.toUint8Array(e);
    });
    // Force a few type bytes so every branch is covered whatever the noise.
    corpus.push(frame(documentId, MessageType.Auth, (e) => encoding.writeUint8Array(e, new Uint8Array([0, 0xff]))));
    corpus.push(frame(documentId, MessageType.Auth, (e) => encoding.writeUint8Array(e, new Uint8Array([0, 3, 0x61, 0x62, 0x63]))));
    corpus.push(frame(documentId, MessageType.Sync, (e) => encoding.writeUint8Array(e, rng.bytes(12))));
    corpus.push(new Uint8Array([...frame(documentId, 0).slice(0, -1), 0x80]));

    const sockets = corpus.map(() => raw());
    await Promise.all(sockets.map((s) => s.opened));
    sockets.forEach((s, i) => s.send(corpus[i]));
    await roundTrip("during");
    const results = await Promise.all(sockets.map((s, i) => closedWithin(s, TIMEOUT_CLOSE_MS, `random frame ${i}`)));
    const expected = corpus.map((data) => preAuthOutcome(data));
    expect(results.map(({ code, reason }) => ({ code, reason }))).toEqual(expected.map(({ code, reason }) => ({ code, reason })));
    // Every branch of the parser was exercised.
    expect(new Set(expected.map((e) => e.code))).toEqual(new Set([4401, 4205, 4408]));
    sockets.forEach((s, i) => {
      if (expected[i].deniedFirst) expect(s.frames.map((f) => f.authType), `random frame ${i} is refused first`).toContain(AuthType.PermissionDenied);
    });
  }, 30_000);
});

describe("messages before authentication", () => {
  it("queues a sync update sent before authentication, never applies it, and times the socket out (4408)", async () => {
    const s = raw();
    await s.opened;
    s.send(syncFrame(documentId, SyncType.Update, updateAppending(" INTRUDER")));
    s.send(syncFrame(documentId, SyncType.Step1, Y.encodeStateVector(new Y.Doc())));
    await roundTrip("during");
    expect(await closedWithin(s, TIMEOUT_CLOSE_MS, "sync before auth")).toMatchObject({ code: 4408, reason: "Connection Timeout" });
    expect(s.frames, "nothing was sent to the unauthenticated socket").toEqual([]);
    expect(textOf(live())).not.toContain("INTRUDER");
  });

  it("closes a socket that floods 1001 unauthenticated messages (4205)", async () => {
    const s = raw();
    await s.opened;
    const step1 = syncFrame(documentId, SyncType.Step1, Y.encodeStateVector(new Y.Doc()));
    for (let i = 0; i < 1001; i++) s.send(step1);
    await roundTrip("during");
    expect(await closedWithin(s, 5000, "message flood")).toMatchObject({ code: 4205, reason: "Reset Connection" });
  });

  it("closes a socket that queues more than 5 MiB before authenticating (4205)", async () => {
    const s = raw();
    await s.opened;
    const chunk = syncFrame(documentId, SyncType.Update, new Uint8Array(MAX_PAYLOAD - 1024));
    for (let i = 0; i < Math.ceil((5 * 1024 * 1024) / (MAX_PAYLOAD - 1024)) + 2; i++) s.send(chunk);
    await roundTrip("during");
    expect(await closedWithin(s, 10_000, "byte flood")).toMatchObject({ code: 4205, reason: "Reset Connection" });
  });

  it("closes a socket that opens more than 100 pending documents at once (4205)", async () => {
    const s = raw();
    await s.opened;
    for (let i = 0; i < 150; i++) s.send(authFrame(`no-such-document-${i}`, "mgn_not_a_token"));
    await roundTrip("during");
    expect(await closedWithin(s, 10_000, "pending-document flood")).toMatchObject({ code: 4205, reason: "Reset Connection" });
  });

  it("refuses bad tokens without attaching anything, and leaks nothing when sockets vanish mid-authentication", async () => {
    const refused = raw();
    await refused.opened;
    refused.send(authFrame(documentId, "mgn_forged_token"));
    await until(() => refused.frames.some((f) => f.authType === AuthType.PermissionDenied), "permission denied");
    expect(refused.frames.find((f) => f.authType === AuthType.PermissionDenied)?.text).toBe("unauthorized");
    // Real editor tokens, socket destroyed right after the auth frame (while the server checks it).
    const vanishing = Array.from({ length: 20 }, () => raw());
    await Promise.all(vanishing.map((s) => s.opened));
    for (const s of vanishing) {
      s.send(authFrame(documentId, editorToken));
      s.send(syncFrame(documentId, SyncType.Step1, Y.encodeStateVector(new Y.Doc())));
      s.ws.terminate();
    }
    await roundTrip("during");
    expect(await closedWithin(refused, TIMEOUT_CLOSE_MS, "refused socket")).toMatchObject({ code: 4408, reason: "Connection Timeout" });
  });
});

describe("garbage after a valid authentication", () => {
  // Each closes the offending document connection (a Hocuspocus CLOSE frame, reason "Reset
  // Connection"); the WebSocket itself stays open until the connection timeout closes it.
  const garbage: Record<string, () => Uint8Array> = {
    "an unknown sync sub-type": () => syncFrame(documentId, 9, new Uint8Array([1, 2, 3])),
    "a sync message without a sub-type": () => frame(documentId, MessageType.Sync),
    "a sync step 1 with a truncated state vector": () => syncFrame(documentId, SyncType.Step1, new Uint8Array([0xff])),
    "a sync step 1 whose state vector lies about its length": () => syncFrame(documentId, SyncType.Step1, new Uint8Array([5, 1, 2])),
    "an awareness update that is not one": () => frame(documentId, MessageType.Awareness, (e) => encoding.writeVarUint8Array(e, new Uint8Array([1, 5, 1, 3, 0x7b]))),
    "a stateless message with a truncated string": () => frame(documentId, MessageType.Stateless, (e) => encoding.writeVarUint(e, 50)),
    "a BroadcastStateless, which only servers may send": () => frame(documentId, MessageType.BroadcastStateless, (e) => encoding.writeVarString(e, "{}")),
  };
  for (const [what, make] of Object.entries(garbage)) {
    it(`closes the document connection on ${what}`, async () => {
      const s = await authenticated();
      s.send(make());
      await until(() => s.frames.some((f) => f.type === MessageType.CLOSE), "CLOSE frame", 5000);
      expect(s.frames.find((f) => f.type === MessageType.CLOSE)?.text).toBe("Reset Connection");
      await until(() => connectionsOnDocument() === 2, "document connection dropped", 5000);
      await roundTrip("during");
      expect(await closedWithin(s, TIMEOUT_CLOSE_MS, what)).toMatchObject({ code: 4408, reason: "Connection Timeout" });
    });
  }

  it("applies nothing from corrupt Yjs updates and keeps the document intact", async () => {
    alsoExpectedConsole.push(/^Caught error while handling a Yjs update /);
    const s = await authenticated();
    const rng = mulberry32(7);
    const whole = updateAppending(" CORRUPT");
    const before = viewOf(live());
    const payloads = [
      whole.slice(0, Math.floor(whole.length / 2)), // cut inside its structs
      new Uint8Array([0x80, 0x80, 0x80, 0x80, 0x08, 0]), // 2^31 clients
      new Uint8Array([1, 0xff, 0xff, 0xff, 0xff, 0x0f, 7, 0]), // 2^32 - 1 structs from client 7
      ...Array.from({ length: 8 }, () => rng.bytes(rng.int(3, 64))),
    ];
    for (const p of payloads) s.send(syncFrame(documentId, SyncType.Update, p));
    s.send(syncFrame(documentId, SyncType.Step2, whole.slice(0, whole.length - 3)));
    await until(() => consoleLines.filter((l) => l.includes("Caught error while handling a Yjs update")).length >= 2, "the server rejected the updates", 5000);
    // Nothing changed: no text, no new clients in the state vector.
    expect(viewOf(live())).toEqual(before);
    await roundTrip("during");
    expect(textOf(live())).not.toContain("CORRUPT");
    expect(await closedWithin(s, TIMEOUT_CLOSE_MS, "corrupt updates")).toMatchObject({ code: 4408, reason: "Connection Timeout" });
  });

  it("ignores unknown message types and a second authentication, then times the idle socket out", async () => {
    const s = await authenticated();
    s.send(frame(documentId, 99));
    s.send(frame(documentId, MessageType.SyncStatus, (e) => encoding.writeVarUint(e, 1)));
    s.send(authFrame(documentId, editorToken));
    await until(() => consoleLines.some((l) => l.includes("Unable to handle message of type 99")), "server saw the unknown type");
    // Still a working connection: a sync step 1 is answered with the document.
    s.send(syncFrame(documentId, SyncType.Step1, Y.encodeStateVector(new Y.Doc())));
    await until(() => s.frames.some((f) => f.type === MessageType.Sync && f.syncType === SyncType.Step2), "sync step 2 answer");
    expect(s.frames.some((f) => f.type === MessageType.CLOSE)).toBe(false);
    await roundTrip("during");
    expect(await closedWithin(s, TIMEOUT_CLOSE_MS, "idle socket")).toMatchObject({ code: 4408, reason: "Connection Timeout" });
  });
});

describe("document size limit", () => {
  it("cuts off an editor who keeps pasting with 'document too large', keeping what was stored", async () => {
    const maxDocumentBytes = 20 * 1024;
    const limited = await startCollab({ maxDocumentBytes });
    const { group, owner } = await createGroup();
    const editor = await createMember(group.id, "editor");
    const document = await createDocumentIn(group.id, owner.id, "A small start.");
    const paster = connect(limited.url, document.id, { token: await tokenFor(editor.id) });
    const watcher = connect(limited.url, document.id, { token: await tokenFor(owner.id) });
    const pasterSaves = new SaveTracker(paster, stored, document.id, "paster");
    const watcherSaves = new SaveTracker(watcher, stored, document.id, "watcher");
    try {
      await until(() => paster.provider.isSynced && watcher.provider.isSynced, "synced", 15_000);
      const pasted: string[] = [];
      let refused = "";
      for (let i = 0; i < 20 && !refused; i++) {
        const marker = `<paste ${i}>`;
        typeInto(paster.doc, marker + "x".repeat(3000));
        await until(() => pasterSaves.saved || paster.closes.length > 0, `paste ${i} saved or refused`, 10_000);
        if (paster.closes.length) refused = marker;
        else pasted.push(marker);
      }
      expect(refused, "the server refused a paste before 20 × 3 KB").not.toBe("");
      // Hocuspocus closes the document connection with a CLOSE frame that carries only the
      // reason; the provider reports it with code 1000.
      expect(paster.closes).toEqual([{ code: 1000, reason: "document too large" }]);
      expect(pasted.length).toBeGreaterThanOrEqual(5);

      // Everything acknowledged before is stored and live; the refused paste is nowhere.
      const server = limited.collab.hocuspocus.documents.get(document.id)!;
      const { doc } = await stored.load(document.id);
      for (const text of [textOf(doc), textOf(server), textOf(watcher.doc)]) {
        for (const marker of pasted) expect(text).toContain(marker);
        expect(text).not.toContain(refused);
        expect(text).toContain("A small start.");
      }
      expect(viewOf(doc)).toEqual(viewOf(server));
      expect(sameSnapshot(doc, server)).toBe(true);
      const bytes = await storedBytes(document.id);
      expect(bytes, "stored snapshot + log within maxDocumentBytes").toBeLessThanOrEqual(maxDocumentBytes);

      // The document stays usable for everyone else.
      typeInto(watcher.doc, "Still editable. ");
      await until(() => watcherSaves.saved, "watcher's small edit saved", 10_000);
      expect(textOf((await stored.load(document.id)).doc).startsWith("Still editable. ")).toBe(true);
      expect([...pasterSaves.violations, ...watcherSaves.violations]).toEqual([]);
      expect(limited.errors).toEqual([]);
    } finally {
      paster.destroy();
      watcher.destroy();
      await limited.stop();
    }
  }, 60_000);
});

async function storedBytes(id: string): Promise<number> {
  const [row] = await db().$queryRaw<{ bytes: bigint }[]>`
    SELECT octet_length(d."yState") + COALESCE((SELECT SUM(octet_length(u."update")) FROM "DocumentUpdate" u WHERE u."documentId" = d.id), 0) AS bytes
    FROM "Document" d WHERE d.id = ${id}`;
  return Number(row.bytes);
}
