import type {
  afterHandleMessagePayload,
  beforeHandleMessagePayload,
  beforeSyncPayload,
  Connection,
  Document,
  Extension,
  onLoadDocumentPayload,
} from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import { isTransactionOrigin } from "@hocuspocus/server";
import * as Y from "yjs";
import { CLOSE, closeConnection, savedMessage } from "./messages";
import type { UpdateLog } from "./update-log";

const ACK_INTERVAL_MS = 25;

/** Origin of updates replayed from storage; they are never logged again. */
export const STORAGE_ORIGIN = Symbol("storage");

type Pending = { update: Uint8Array; connection?: Connection };
type DocumentState = {
  queue: Pending[];
  flushing: Promise<void> | null;
  bytes: number;
  sinceCompaction: number;
  /** Yjs state vector of what is durably stored: clientID → clock. */
  stored: Map<number, number>;
  projectionTimer?: NodeJS.Timeout;
};

type Configuration = {
  log: UpdateLog;
  /** Compact the update log once this many updates were appended since the last compaction. */
  compactAfter: number;
  /** Largest total size of a document's snapshot plus log; updates beyond it are refused. */
  maxDocumentBytes: number;
  /** How long the text projection may lag behind the live text. */
  projectionDelayMs: number;
  logger: (message: string, error?: unknown) => void;
};

/**
 * Durable persistence: every incoming update is appended to the update log in the
 * order it was applied, committed, and only then acknowledged to its sender with a
 * "saved" stateless message. Hocuspocus's own store hook is debounced and would lose
 * acknowledged edits in a crash, so it is not used for durability here.
 */
export class PersistenceExtension implements Extension {
  extensionName = "MarginaliaPersistence";
  priority = 900;
  private configuration: Configuration;
  private documents = new Map<string, DocumentState>();
  private lastAck = new WeakMap<Connection, number>();
  private unloading = new Map<string, Promise<void>>();

  constructor(configuration: Partial<Configuration> & { log: UpdateLog }) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== undefined));
    this.configuration = { compactAfter: 500, maxDocumentBytes: 16 * 1024 * 1024, projectionDelayMs: 1000, logger: console.error, ...given } as Configuration;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    // A reader arriving while the previous copy is still being flushed must see those updates.
    await this.unloading.get(documentName);
    const stored = await this.configuration.log.load(documentName);
    if (!stored.exists) throw new Error(`document ${documentName} does not exist`);
    document.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(document, update, STORAGE_ORIGIN);
    }, STORAGE_ORIGIN);
    const state: DocumentState = {
      queue: [],
      flushing: null,
      bytes: stored.bytes,
      sinceCompaction: stored.logged,
      stored: Y.decodeStateVector(Y.encodeStateVector(document)),
    };
    this.documents.set(documentName, state);
    // Listen on the Y.Doc itself rather than the onChange hook: Hocuspocus runs hooks through
    // an async chain, so a message could be "handled" before its update reached the queue.
    document.on("update", (update: Uint8Array, origin: unknown) => this.enqueue(documentName, document, state, update, origin));
  }

  /**
   * A (re)connecting client opens with its state vector: tell it at once how much of its
   * own edits are already stored, so edits saved before a dropped connection show as saved.
   */
  async beforeSync({ documentName, connection, type, payload }: beforeSyncPayload) {
    const state = this.documents.get(documentName);
    if (!state || type !== 0 /* sync step 1 */) return;
    const clients = [...Y.decodeStateVector(payload).keys()];
    await state.flushing;
    connection.sendStateless(savedMessage(new Map(clients.map((c) => [c, state.stored.get(c) ?? 0])), !this.hasPending(state, connection)));
  }

  /**
   * After a client's sync step 2 has been applied (it may have changed nothing, so no
   * batch acknowledges it), confirm completeness once whatever it did change is stored.
   */
  async afterHandleMessage({ documentName, connection, update }: afterHandleMessagePayload) {
    const state = this.documents.get(documentName);
    if (!state || !isSyncStep2(update)) return;
    await state.flushing;
    if (!this.hasPending(state, connection)) connection.sendStateless(savedMessage(new Map(), true));
  }

  async beforeHandleMessage({ documentName, update }: beforeHandleMessagePayload) {
    const state = this.documents.get(documentName);
    if (state && state.bytes + update.byteLength > this.configuration.maxDocumentBytes) throw { ...CLOSE.tooLarge };
  }

  private enqueue(documentName: string, document: Document, state: DocumentState, update: Uint8Array, origin: unknown) {
    if (origin === STORAGE_ORIGIN) return;
    // Another instance received (and stored) updates relayed through Redis.
    if (isTransactionOrigin(origin) && origin.source === "redis") return;
    if (this.documents.get(documentName) !== state) return;
    const connection = isTransactionOrigin(origin) && origin.source === "connection" ? origin.connection : undefined;
    state.queue.push({ update, connection });
    state.bytes += update.byteLength;
    state.flushing ??= this.flush(documentName, document, state);
  }

  /** Waits for every pending update of the document to be stored. */
  async onStoreDocument({ documentName }: { documentName: string }) {
    await this.documents.get(documentName)?.flushing;
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    const state = this.documents.get(documentName);
    this.documents.delete(documentName);
    if (!state) return;
    const work = (async () => {
      await state.flushing;
      clearTimeout(state.projectionTimer);
      if (state.sinceCompaction > 0) await this.compact(documentName);
    })();
    this.unloading.set(documentName, work);
    await work.finally(() => {
      if (this.unloading.get(documentName) === work) this.unloading.delete(documentName);
    });
  }

  /** Resolves when every unloading document has been flushed and compacted (before closing the pool). */
  async settled() {
    await Promise.all([...this.documents.values()].map((s) => s.flushing));
    await Promise.all(this.unloading.values());
  }

  private async flush(documentName: string, document: Document, state: DocumentState) {
    while (state.queue.length) {
      const batch = state.queue.splice(0);
      try {
        await this.configuration.log.append(documentName, batch.map((p) => p.update));
      } catch (error) {
        this.configuration.logger(`storing updates of ${documentName} failed; closing its connections so clients resend`, error);
        state.queue.length = 0;
        state.flushing = null;
        for (const connection of document.getConnections()) closeConnection(connection, CLOSE.storageFailed);
        return;
      }
      state.sinceCompaction += batch.length;
      this.acknowledge(batch, state);
      this.scheduleProjection(documentName, document, state);
      if (state.sinceCompaction >= this.configuration.compactAfter) {
        state.sinceCompaction = 0;
        void this.compact(documentName);
      }
    }
    state.flushing = null;
  }

  /** Tells each sender how far its edits are stored, as Yjs clocks per client. */
  private acknowledge(batch: Pending[], state: DocumentState) {
    const { stored } = state;
    const byConnection = new Map<Connection, Map<number, number>>();
    for (const { update, connection } of batch) {
      const clocks = connection ? (byConnection.get(connection) ?? new Map<number, number>()) : null;
      // parseUpdateMeta, not encodeStateVectorFromUpdate: the latter ignores clients whose structs do not start at clock 0.
      for (const [client, clock] of Y.parseUpdateMeta(update).to) {
        stored.set(client, Math.max(stored.get(client) ?? 0, clock));
        clocks?.set(client, stored.get(client)!);
      }
      if (connection && clocks) byConnection.set(connection, clocks);
    }
    const now = Date.now();
    for (const [connection, clocks] of byConnection) {
      const complete = !this.hasPending(state, connection);
      // Under a burst, one ack per connection every ACK_INTERVAL_MS is enough; the final one is never skipped.
      if (!complete && now - (this.lastAck.get(connection) ?? 0) < ACK_INTERVAL_MS) continue;
      this.lastAck.set(connection, now);
      connection.sendStateless(savedMessage(clocks, complete));
    }
  }

  /**
   * Whether something this connection sent may not be stored yet: queued for the log, or
   * parked by Yjs as pending (its dependencies have not arrived), which Hocuspocus still
   * answers as "applied" although nothing was applied or stored.
   */
  private hasPending(state: DocumentState, connection: Connection) {
    const store = (connection.document as unknown as { store: { pendingStructs: unknown; pendingDs: unknown } }).store;
    return store.pendingStructs !== null || store.pendingDs !== null || state.queue.some((p) => p.connection === connection);
  }

  private scheduleProjection(documentName: string, document: Document, state: DocumentState) {
    if (state.projectionTimer) return;
    state.projectionTimer = setTimeout(() => {
      state.projectionTimer = undefined;
      this.configuration.log.saveProjection(documentName, document).catch((error) => this.configuration.logger(`updating the text of ${documentName} failed`, error));
    }, this.configuration.projectionDelayMs);
  }

  private async compact(documentName: string) {
    try {
      await this.configuration.log.compact(documentName);
    } catch (error) {
      this.configuration.logger(`compacting ${documentName} failed; the log is kept`, error);
    }
  }
}

/** True for a Hocuspocus frame carrying a y-protocols sync step 2 (documentName, Sync = 0, step 2 = 1). */
function isSyncStep2(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === 0 && decoding.readVarUint(decoder) === 1;
  } catch {
    return false;
  }
}
