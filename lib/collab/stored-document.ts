import type { Document } from "@hocuspocus/server";
import * as Y from "yjs";

type Listeners = {
  /** The Y.Doc applied an update (any origin), after persistence queued it if it is to be stored. */
  applied: () => void;
  /** A batch of updates was committed: `storedSeq` and `stored` moved on. */
  stored: () => void;
  /** A compaction that started when `storedSeq` was `storedSeqAtStart` wrote the snapshot (and the text). */
  compacted: (storedSeqAtStart: number) => void;
  /** The document was unloaded and everything queued of it is stored (or failed). */
  unloaded: () => void;
};

/**
 * One loaded document as its persistence sees it, shared with the extensions that act on what
 * is stored (save acknowledgements, the text projection): what was queued and stored, and
 * events for each step. Created by PersistenceExtension on load; a reload is a new one.
 */
export class StoredDocument {
  /** Number of the last update queued for storage, and of the last one durably stored. */
  enqueued = 0;
  storedSeq = 0;
  /** Yjs state vector of what is durably stored: clientID → clock. */
  readonly stored: Map<number, number>;
  /** Storage failed: the connections were closed and the copy is being unloaded. */
  failed = false;
  /**
   * A write of the text projection in flight, if any. A compaction waits for it before writing
   * its own text: on a slow database the earlier write could otherwise land after it.
   */
  projecting: Promise<void> | null = null;
  private listeners: { [E in keyof Listeners]: Listeners[E][] } = { applied: [], stored: [], compacted: [], unloaded: [] };

  constructor(
    readonly name: string,
    readonly document: Document,
  ) {
    this.stored = Y.decodeStateVector(Y.encodeStateVector(document));
  }

  on<E extends keyof Listeners>(event: E, listener: Listeners[E]) {
    this.listeners[event].push(listener);
  }

  emit<E extends keyof Listeners>(event: E, ...args: Parameters<Listeners[E]>) {
    for (const listener of this.listeners[event]) (listener as (...a: Parameters<Listeners[E]>) => void)(...args);
  }

  /** A batch of updates numbered up to `seq` was committed. */
  markStored(seq: number, updates: Uint8Array[]) {
    this.storedSeq = seq;
    for (const update of updates) {
      // parseUpdateMeta, not encodeStateVectorFromUpdate: the latter ignores clients whose structs do not start at clock 0.
      for (const [client, clock] of Y.parseUpdateMeta(update).to) this.stored.set(client, Math.max(this.stored.get(client) ?? 0, clock));
    }
    this.emit("stored");
  }
}
