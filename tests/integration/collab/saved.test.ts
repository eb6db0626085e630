/**
 * The "saved" acknowledgements of the collaboration server, against the real provider:
 * a client is told its edits are saved only once they are stored, also when it reconnects
 * with edits it queued offline while it keeps typing; an update that changed nothing is
 * confirmed too; a reconnecting client syncs without waiting for other clients' updates to
 * be stored; and the document size limit counts what is stored, not every update ever sent.
 *
 * Each claim of "saved" is checked against the database by SaveTracker (fuzz/saves.ts),
 * which reads the notices as the editor's badge does: `complete` counts only while the
 * provider has no unacknowledged update (its unsyncedChanges).
 */
import * as decoding from "lib0/decoding";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from "vitest";
import WebSocket from "ws";
import * as Y from "yjs";
import { db } from "@/lib/db";
import { createDocumentIn, createGroup, createMember, tokenFor } from "../../factories";
import { startCollab, textOf, typeInto, until, type Client } from "./harness";
import { connectClient as connect } from "./fuzz/clients";
import { MessageType, SyncType } from "./fuzz/frames";
import { SaveTracker } from "./fuzz/saves";
import { StoredReader } from "./fuzz/state";

let server: Awaited<ReturnType<typeof startCollab>>;
let stored: StoredReader;
const clients: Client[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

beforeAll(async () => {
  server = await startCollab();
  stored = new StoredReader(inject("databaseUrl"));
});
afterEach(async () => {
  clients.splice(0).forEach((c) => c.destroy());
  for (const cleanup of cleanups.splice(0)) await cleanup();
});
afterAll(async () => {
  await server?.stop();
  await stored?.close();
});

async function editors(count: number, content: string) {
  const { group, owner } = await createGroup();
  const users = [owner, ...(await Promise.all(Array.from({ length: count - 1 }, () => createMember(group.id, "editor"))))];
  const document = await createDocumentIn(group.id, owner.id, content);
  return { document, tokens: await Promise.all(users.map((u) => tokenFor(u.id))) };
}

function open(url: string, documentId: string, token: string): Client {
  const client = connect(url, documentId, { token });
  clients.push(client);
  return client;
}

/** y-protocols sync sub-type of a Hocuspocus frame, or null for other frames. */
function syncTypeOf(frame: Uint8Array): number | null {
  try {
    const d = decoding.createDecoder(frame);
    decoding.readVarString(d);
    return decoding.readVarUint(d) === MessageType.Sync ? decoding.readVarUint(d) : null;
  } catch {
    return null;
  }
}

/**
 * Lets a test hold back a client's outgoing frames (a slow network for chosen messages) and
 * see when a new socket sends its sync step 2. Wraps the socket class the provider uses.
 */
function network(client: Client) {
  const control = {
    /** Frames matching this are held for `holdMs`, then sent (in order among themselves). */
    hold: null as ((frame: Uint8Array) => boolean) | null,
    holdMs: 300,
    held: 0,
    onStep2: null as (() => void) | null,
  };
  const socket = client.provider.configuration.websocketProvider;
  const Base = socket.configuration.WebSocketPolyfill as unknown as typeof WebSocket;
  socket.configuration.WebSocketPolyfill = class extends Base {
    send(data: Uint8Array, ...rest: unknown[]) {
      const frame = new Uint8Array(data);
      if (control.hold?.(frame)) {
        control.held++;
        setTimeout(() => {
          control.held--;
          if (this.readyState === WebSocket.OPEN) super.send(data, ...(rest as []));
        }, control.holdMs);
        return;
      }
      super.send(data, ...(rest as []));
      if (syncTypeOf(frame) === SyncType.Step2) control.onStep2?.();
    }
  } as unknown as typeof socket.configuration.WebSocketPolyfill;
  return control;
}

/** Ends the client's TCP connection without a close frame; the provider reconnects by itself. */
function drop(client: Client) {
  (client.provider.configuration.websocketProvider.webSocket as unknown as WebSocket).terminate();
}

function firstText(doc: Y.Doc): Y.XmlText {
  return (doc.getXmlFragment("default").get(0) as Y.XmlElement).get(0) as Y.XmlText;
}

describe("saved acknowledgements", () => {
  /**
   * The provider resets its count of unacknowledged updates to 1 when it sends sync step 1
   * on a new socket, then sends the updates it queued offline; were those acknowledged, the
   * count would reach 0 while an edit typed after the reconnect (after its sync step 2, so
   * only its own update carries it) is still on its way, and the next "complete" would
   * cover it.
   */
  for (const offline of ["inserts", "deletes only"] as const) {
    it(`after a reconnect with queued edits (${offline}), never calls an edit still on the wire saved`, async () => {
      const { document, tokens } = await editors(1, "Some words to delete later.");
      const c = open(server.url, document.id, tokens[0]);
      const saves = new SaveTracker(c, stored, document.id, "client");
      const net = network(c);
      await until(() => c.provider.isSynced, "synced", 15_000);
      typeInto(c.doc, "Online. ");
      await until(() => saves.saved, "first edit saved");

      // The socket dies; edits made before the provider notices are queued for the next one.
      let typedAfterStep2 = "";
      net.onStep2 = () => {
        net.onStep2 = null;
        // Typed right after the new socket's sync step 2, and slow to arrive.
        net.hold = (frame) => syncTypeOf(frame) === SyncType.Update;
        typedAfterStep2 = "Typed on reconnect. ";
        typeInto(c.doc, typedAfterStep2);
        net.hold = null;
      };
      drop(c);
      if (offline === "inserts") {
        typeInto(c.doc, "Queued one. ");
        typeInto(c.doc, "Queued two. ");
      } else {
        firstText(c.doc).delete(8, 6);
        firstText(c.doc).delete(0, 4);
      }
      const unsyncedWhenComplete: number[] = [];
      c.provider.on("stateless", ({ payload }: { payload: string }) => {
        if (net.held > 0 && JSON.parse(payload).complete === true) unsyncedWhenComplete.push(c.provider.unsyncedChanges);
      });
      await until(() => typedAfterStep2 !== "" && net.held === 0, "the held edit was sent", 10_000);
      await until(() => saves.saved && !c.provider.hasUnsyncedChanges, "everything saved in the end", 10_000);
      await saves.settled();
      expect(saves.violations, "every 'saved' was true in the database").toEqual([]);
      expect(unsyncedWhenComplete.every((n) => n > 0), `"complete" arrived while the held edit was unacknowledged (unsynced ${unsyncedWhenComplete})`).toBe(true);
      const { doc } = await stored.load(document.id);
      expect(textOf(doc)).toBe(textOf(c.doc));
      expect(textOf(doc)).toContain(typedAfterStep2);
    });
  }

  it("confirms an update that changed nothing (the same deletion from two editors)", async () => {
    const { document, tokens } = await editors(2, "Delete me. Keep me.");
    const [a, b] = [open(server.url, document.id, tokens[0]), open(server.url, document.id, tokens[1])];
    const trackers = [new SaveTracker(a, stored, document.id, "a"), new SaveTracker(b, stored, document.id, "b")];
    await until(() => a.provider.isSynced && b.provider.isSynced, "synced", 15_000);
    // b receives a's deletion from a side channel before the server relays it, and sends it
    // on as its own update: whichever arrives second changes nothing on the server.
    a.doc.once("update", (update: Uint8Array) => Y.applyUpdate(b.doc, update, "side channel"));
    firstText(a.doc).delete(0, 11);
    await until(() => textOf(a.doc) === "Keep me." && textOf(b.doc) === "Keep me.", "both see the deletion");
    await until(() => trackers.every((t) => t.saved), "both editors told their deletion is saved", 5000);
    await Promise.all(trackers.map((t) => t.settled()));
    expect(trackers.flatMap((t) => t.violations)).toEqual([]);
  });

  it("syncs a (re)connecting client at once while other clients' updates are still being stored", async () => {
    const { document, tokens } = await editors(2, "Slow disk.");
    const writer = open(server.url, document.id, tokens[0]);
    const writerSaves = new SaveTracker(writer, stored, document.id, "writer");
    await until(() => writer.provider.isSynced, "writer synced", 15_000);
    // Every batch of updates of this document now takes a second to commit.
    const fn = `slow_${document.id.replace(/[^a-z0-9]/gi, "")}`;
    await db().$executeRawUnsafe(
      `CREATE FUNCTION ${fn}() RETURNS trigger AS $$ BEGIN IF EXISTS (SELECT 1 FROM inserted WHERE "documentId" = '${document.id}') THEN PERFORM pg_sleep(1); END IF; RETURN NULL; END $$ LANGUAGE plpgsql`,
    );
    await db().$executeRawUnsafe(`CREATE TRIGGER ${fn} AFTER INSERT ON "DocumentUpdate" REFERENCING NEW TABLE AS inserted FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`);
    cleanups.push(async () => {
      await db().$executeRawUnsafe(`DROP TRIGGER IF EXISTS ${fn} ON "DocumentUpdate"`);
      await db().$executeRawUnsafe(`DROP FUNCTION IF EXISTS ${fn}()`);
    });
    let n = 0;
    const typing = setInterval(() => typeInto(writer.doc, `w${n++} `), 50);
    cleanups.push(async () => clearInterval(typing));
    await new Promise((r) => setTimeout(r, 200));

    const started = Date.now();
    const reader = open(server.url, document.id, tokens[1]);
    await until(() => reader.provider.isSynced, "reader synced", 10_000);
    const syncedAfter = Date.now() - started;
    await until(() => reader.saved.length > 0, "reader told what is stored", 1000);
    clearInterval(typing);
    expect(syncedAfter, "the reader's sync did not wait for the writer's updates to be stored").toBeLessThan(700);
    expect(textOf(reader.doc)).toContain("w0 ");

    await db().$executeRawUnsafe(`DROP TRIGGER ${fn} ON "DocumentUpdate"`);
    await until(() => writerSaves.saved, "the writer's edits are saved in the end", 20_000);
    await writerSaves.settled();
    expect(writerSaves.violations).toEqual([]);
  }, 60_000);
});

describe("document size limit", () => {
  it("counts what is stored after compaction, not every update ever sent", async () => {
    const maxDocumentBytes = 16 * 1024;
    const limited = await startCollab({ maxDocumentBytes, compactAfter: 4 });
    cleanups.push(() => limited.stop());
    const { document, tokens } = await editors(1, "A short text that stays short.");
    const c = open(limited.url, document.id, tokens[0]);
    const saves = new SaveTracker(c, stored, document.id, "editor");
    await until(() => c.provider.isSynced, "synced", 15_000);
    // 30 × 1 KB typed and deleted again: 30 KB of updates, a small document all along.
    for (let i = 0; i < 30; i++) {
      typeInto(c.doc, `<${i}>` + "x".repeat(1000));
      await until(() => saves.saved || c.closes.length > 0, `paste ${i} saved`, 10_000);
      firstText(c.doc).delete(0, firstText(c.doc).length - "A short text that stays short.".length);
      await until(() => saves.saved || c.closes.length > 0, `deletion ${i} saved`, 10_000);
      expect(c.closes, `closed after ${i + 1} KB typed`).toEqual([]);
    }
    expect(textOf(c.doc)).toBe("A short text that stays short.");
    await saves.settled();
    expect(saves.violations).toEqual([]);
    expect(limited.errors).toEqual([]);
  }, 60_000);
});
