import type { beforeHandleMessagePayload, Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import { isTransactionOrigin } from "@hocuspocus/server";
import * as Y from "yjs";
import { isDatabaseOutage } from "../health/dependency";
import { CLOSE, closeConnection, STORAGE_UNAVAILABLE } from "./messages";
import type { DocumentLog } from "./document-log";
import { StorageLedger } from "./storage-ledger";
import { StoredDocument } from "./stored-document";
import { collabLogger } from "./collab-log";

/** Origin of updates replayed from storage; they are never logged again. */
export const STORAGE_ORIGIN = Symbol("storage");

/** One loaded document's storage: the updates queued (numbered in the order they were applied), the append and compaction under way. */
type Entry = { doc: StoredDocument; ledger: StorageLedger; queue: { update: Uint8Array; seq: number }[]; flushing: Promise<void> | null; lastAppendAt: number; compacting: Promise<void> | null };

type Configuration = {
  log: DocumentLog;
  /** Compact the update log once this many updates were appended since the last compaction. */
  compactAfter: number;
  /** Largest total size of a document's snapshot plus log; updates beyond it are refused. */
  maxDocumentBytes: number;
  /**
   * Shortest time between the starts of two appends of one document. A lone update is
   * appended at once (at the end of the event-loop turn); under a stream of updates each
   * append carries everything that arrived meanwhile, so a busy document costs at most one
   * statement and commit per interval instead of one per update or two. Acks wait for the
   * commit either way; this adds at most the interval to them, and only under load.
   */
  appendIntervalMs: number;
  logger: (message: string, error?: unknown) => void;
};

/**
 * Durable persistence: every update Yjs applies is appended to the update log in the order it
 * was applied and committed (SaveAcknowledgementExtension tells clients when). Hocuspocus's own
 * store hook is debounced and would lose acknowledged edits in a crash, so it only waits here.
 * The log is folded into the snapshot every `compactAfter` updates and when the document unloads.
 */
export class PersistenceExtension implements Extension {
  extensionName = "MarginaliaPersistence";
  priority = 900;
  private configuration: Configuration;
  private entries = new Map<string, Entry>();
  private unloading = new Map<string, Promise<void>>();

  constructor(configuration: Partial<Configuration> & { log: DocumentLog }) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== undefined));
    this.configuration = { compactAfter: 500, maxDocumentBytes: 16 * 1024 * 1024, appendIntervalMs: 15, logger: collabLogger, ...given } as Configuration;
  }

  /** The loaded document's storage state, for the extensions that act on what is stored. */
  stored(documentName: string): StoredDocument | undefined {
    return this.entries.get(documentName)?.doc;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    // A reader arriving while the previous copy is still being flushed must see those updates.
    await this.unloading.get(documentName);
    const loaded = await this.configuration.log.load(documentName).catch((error) => {
      throw isDatabaseOutage(error, "loading a document") ? STORAGE_UNAVAILABLE : error;
    });
    if (!loaded.exists) throw new Error(`document ${documentName} does not exist`);
    replay(document, loaded.updates);
    const entry: Entry = { doc: new StoredDocument(documentName, document), ledger: new StorageLedger(loaded), queue: [], flushing: null, lastAppendAt: 0, compacting: null };
    this.entries.set(documentName, entry);
    // Listen on the Y.Doc itself rather than the onChange hook: Hocuspocus runs hooks through
    // an async chain, so a message could be "handled" before its update reached the queue.
    document.on("update", (update: Uint8Array, origin: unknown) => this.applied(entry, update, origin));
  }

  async beforeHandleMessage({ documentName, connection, update }: beforeHandleMessagePayload) {
    const entry = this.entries.get(documentName);
    if (entry?.doc.document === connection.document && entry.ledger.size + update.byteLength > this.configuration.maxDocumentBytes) throw { ...CLOSE.tooLarge };
  }

  /** The Y.Doc applied an update (any origin): queue it for the log unless storage or another instance already has it. */
  private applied(entry: Entry, update: Uint8Array, origin: unknown) {
    if (this.entries.get(entry.doc.name) !== entry) return;
    // Updates replayed from storage, or relayed through Redis by another instance (which stores them), are not logged again.
    const relayed = origin === STORAGE_ORIGIN || (isTransactionOrigin(origin) && origin.source === "redis");
    if (!relayed) {
      entry.queue.push({ update, seq: ++entry.doc.enqueued });
      entry.ledger.queued(update.byteLength);
      entry.flushing ??= this.flush(entry);
    }
    entry.doc.emit("applied");
  }

  /**
   * Brings every open document up to date with storage, the truth shared by every instance:
   * what other instances stored while the relay between them (Redis) was away reaches this
   * one's copy, and through it its clients. Updates Yjs already has change nothing; the ones
   * applied are not logged again. Resolves with how many documents gained something.
   */
  async reconcile(): Promise<number> {
    let changed = 0;
    for (const [documentName, entry] of this.entries) {
      if (entry.doc.failed) continue;
      const loaded = await this.configuration.log.load(documentName);
      if (!loaded.exists || this.entries.get(documentName) !== entry) continue;
      const before = Y.encodeStateVector(entry.doc.document);
      replay(entry.doc.document, loaded.updates);
      if (!equalBytes(before, Y.encodeStateVector(entry.doc.document))) changed++;
    }
    return changed;
  }

  /** Waits for every pending update of the document to be stored. */
  async onStoreDocument({ documentName }: { documentName: string }) {
    await this.entries.get(documentName)?.flushing;
  }

  async afterUnloadDocument({ documentName }: { documentName: string }) {
    const entry = this.entries.get(documentName);
    this.entries.delete(documentName);
    if (!entry) return;
    const work = (async () => {
      await entry.flushing;
      entry.doc.emit("unloaded");
      await entry.compacting;
      if (entry.ledger.sinceCompaction > 0) await this.compact(entry);
    })();
    this.unloading.set(documentName, work);
    await work.finally(() => {
      if (this.unloading.get(documentName) === work) this.unloading.delete(documentName);
    });
  }

  /** Resolves when every unloading document has been flushed and compacted (before closing the pool). */
  async settled() {
    await Promise.all([...this.entries.values()].map((e) => e.flushing));
    await Promise.all([...this.entries.values()].map((e) => e.compacting));
    await Promise.all(this.unloading.values());
  }

  /**
   * Appends what is queued, one INSERT per batch, until the queue is empty. A batch starts at
   * the end of the event-loop turn (so the updates of every message read in it share one
   * INSERT and one commit), and no sooner than appendIntervalMs after the previous one started.
   */
  private async flush(entry: Entry) {
    const { doc, ledger } = entry;
    while (entry.queue.length) {
      const wait = entry.lastAppendAt + this.configuration.appendIntervalMs - Date.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      entry.lastAppendAt = Date.now();
      const batch = entry.queue.splice(0);
      const updates = batch.map((p) => p.update);
      let ids: bigint[];
      try {
        ids = await this.configuration.log.append(doc.name, updates);
      } catch (error) {
        // A foreign-key violation: the Document row is gone (deleted), so there is nothing to resend to.
        const deleted = (error as { code?: string }).code === "23503";
        if (!deleted && !isDatabaseOutage(error, "storing updates")) this.configuration.logger(`storing updates of ${doc.name} failed; closing its connections so clients resend`, error);
        entry.queue.length = 0;
        ledger.dropped();
        entry.flushing = null;
        doc.failed = true;
        for (const connection of doc.document.getConnections()) closeConnection(connection, deleted ? CLOSE.documentDeleted : CLOSE.storageFailed);
        return;
      }
      ledger.appendedRows(ids, updates.reduce((n, u) => n + u.byteLength, 0));
      doc.markStored(batch[batch.length - 1].seq, updates);
      if (ledger.sinceCompaction >= this.configuration.compactAfter && !entry.compacting) {
        ledger.sinceCompaction = 0;
        entry.compacting = this.compact(entry).finally(() => (entry.compacting = null));
      }
    }
    entry.flushing = null;
  }

  /**
   * Folds the log into the snapshot. While the document is loaded, the live copy is encoded
   * when storage holds nothing it lacks (DocumentLog.compact); once unloaded, storage is replayed.
   */
  private async compact(entry: Entry) {
    const { doc, ledger } = entry;
    try {
      // The compaction's text must be the last one written: let a projection already on its way land first.
      await doc.projecting;
      const live = this.entries.get(doc.name) === entry ? ledger.liveCopy(doc.document) : undefined;
      const storedSeq = doc.storedSeq;
      const result = await this.configuration.log.compact(doc.name, live);
      if (!result) return;
      ledger.compacted(result);
      doc.emit("compacted", storedSeq);
    } catch (error) {
      if (!isDatabaseOutage(error, "compacting a document")) this.configuration.logger(`compacting ${doc.name} failed; the log is kept`, error);
    }
  }
}

function replay(document: Y.Doc, updates: Uint8Array[]) {
  document.transact(() => {
    for (const update of updates) Y.applyUpdate(document, update, STORAGE_ORIGIN);
  }, STORAGE_ORIGIN);
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}
