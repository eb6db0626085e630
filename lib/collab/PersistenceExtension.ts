import type { afterHandleMessagePayload, beforeHandleMessagePayload, Connection, Document, Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import { isTransactionOrigin, MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";
import { isDatabaseOutage } from "../health/dependency";
import { CLOSE, closeConnection, savedMessage, STORAGE_UNAVAILABLE } from "./messages";
import type { Compaction, UpdateLog } from "./update-log";
import { collabLogger } from "./collab-log";

const ACK_INTERVAL_MS = 25;
/** How long a doubtful connection must send nothing before it is told "complete" (see counted). */
const QUIET_MS = 1000;

/** Origin of updates replayed from storage; they are never logged again. */
export const STORAGE_ORIGIN = Symbol("storage");

/** One Yjs update of the document, numbered in the order it was applied. */
type Pending = { update: Uint8Array; seq: number };

type DocumentState = {
  document: Document;
  queue: Pending[];
  flushing: Promise<void> | null;
  /** When the last append started (Date.now()). */
  lastAppendAt: number;
  /** Number of the last update queued, and of the last one durably stored. */
  enqueued: number;
  storedSeq: number;
  /** Storage failed: the connections were closed and the copy is being unloaded. */
  failed: boolean;
  /**
   * Size of the snapshot plus log: `baseBytes` (the snapshot, plus the log as loaded, until
   * a compaction folds it), the batches this copy appended that no compaction folded yet
   * (last row id and size), and the updates queued or being appended.
   */
  baseBytes: number;
  appended: { lastId: bigint; bytes: number }[];
  appendedBytes: number;
  unstoredBytes: number;
  sinceCompaction: number;
  compacting: Promise<void> | null;
  /**
   * What of storage the live copy is known to contain (see UpdateLog.compact): the md5 of the
   * snapshot it loaded or wrote (null once a compaction folded something it may lack), and
   * the log rows it loaded or appended that no compaction folded yet, ascending.
   */
  snapshotDigest: string | null;
  knownIds: bigint[];
  /** Yjs state vector of what is durably stored: clientID → clock. */
  stored: Map<number, number>;
  peers: Set<Peer>;
  /** Peers with parked updates, and peers owed a report: the per-update loops visit only these. */
  parkedPeers: Set<Peer>;
  unconfirmedPeers: Set<Peer>;
  projectionTimer?: NodeJS.Timeout;
};

/**
 * What the server knows about one client connection. `required` is the number of the last
 * update that must be stored before everything this connection sent (and Yjs applied) is.
 */
type Peer = {
  connection: Connection;
  state: DocumentState;
  /**
   * opening: before the client's sync step 1; syncing: until its sync step 2 (the reply to
   * the server's step 1) has been applied; synced: afterwards.
   */
  phase: "opening" | "syncing" | "synced";
  /** The state vector of the client's latest sync step 1. */
  stateVector: Map<number, number>;
  /** The sync update (or step 2) of this connection being handled, between beforeHandleMessage and afterHandleMessage. */
  handling: { kind: "step2" | "update"; update: Uint8Array } | null;
  /** Drop the SyncStatus Hocuspocus sends for the message being handled (see counted). */
  muteStatus: boolean;
  /** An update the client may not have counted was acknowledged: its count may be too low until it goes quiet. */
  doubtful: boolean;
  lastMessageAt: number;
  quietTimer?: NodeJS.Timeout;
  /** What updates Yjs parked as pending need (client → clock) to be applied. */
  parked: Map<number, number>[];
  required: number;
  /** Clients whose structs this connection sent. */
  clients: Set<number>;
  /** Something was received since the last "complete". */
  unconfirmed: boolean;
  told: Map<number, number>;
  lastAck: number;
  ackTimer?: NodeJS.Timeout;
  closed: boolean;
};

type Configuration = {
  log: UpdateLog;
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
  /** How long the text projection may lag behind the live text. */
  projectionDelayMs: number;
  logger: (message: string, error?: unknown) => void;
};

/**
 * Durable persistence: every update Yjs applies is appended to the update log in the
 * order it was applied, committed, and only then acknowledged to its sender with a
 * "saved" stateless message. Hocuspocus's own store hook is debounced and would lose
 * acknowledged edits in a crash, so it is not used for durability here.
 *
 * "complete" is decided per connection from what it sent, not from which transaction
 * stored it: Yjs parks an update whose dependencies have not arrived (Hocuspocus still
 * answers it as applied) and applies it later inside whichever update supplies them,
 * possibly another connection's. A connection is complete once its sync step 2 and every
 * later update of it are applied by Yjs and every update queued up to then is stored.
 */
export class PersistenceExtension implements Extension {
  extensionName = "MarginaliaPersistence";
  priority = 900;
  private configuration: Configuration;
  private documents = new Map<string, DocumentState>();
  private peers = new WeakMap<Connection, Peer>();
  private unloading = new Map<string, Promise<void>>();

  constructor(configuration: Partial<Configuration> & { log: UpdateLog }) {
    const given = Object.fromEntries(Object.entries(configuration).filter(([, value]) => value !== undefined));
    this.configuration = { compactAfter: 500, maxDocumentBytes: 16 * 1024 * 1024, appendIntervalMs: 15, projectionDelayMs: 1000, logger: collabLogger, ...given } as Configuration;
  }

  async onLoadDocument({ documentName, document }: onLoadDocumentPayload) {
    // A reader arriving while the previous copy is still being flushed must see those updates.
    await this.unloading.get(documentName);
    const stored = await this.configuration.log.load(documentName).catch((error) => {
      throw isDatabaseOutage(error, "loading a document") ? STORAGE_UNAVAILABLE : error;
    });
    if (!stored.exists) throw new Error(`document ${documentName} does not exist`);
    document.transact(() => {
      for (const update of stored.updates) Y.applyUpdate(document, update, STORAGE_ORIGIN);
    }, STORAGE_ORIGIN);
    const state: DocumentState = {
      document,
      queue: [],
      flushing: null,
      lastAppendAt: 0,
      enqueued: 0,
      storedSeq: 0,
      failed: false,
      baseBytes: stored.bytes,
      appended: [],
      appendedBytes: 0,
      unstoredBytes: 0,
      sinceCompaction: stored.logged,
      compacting: null,
      snapshotDigest: stored.digest,
      knownIds: stored.ids,
      stored: Y.decodeStateVector(Y.encodeStateVector(document)),
      peers: new Set(),
      parkedPeers: new Set(),
      unconfirmedPeers: new Set(),
    };
    this.documents.set(documentName, state);
    // Listen on the Y.Doc itself rather than the onChange hook: Hocuspocus runs hooks through
    // an async chain, so a message could be "handled" before its update reached the queue.
    document.on("update", (update: Uint8Array, origin: unknown) => this.applied(documentName, state, update, origin));
  }

  async beforeHandleMessage({ documentName, connection, update }: beforeHandleMessagePayload) {
    const state = this.documents.get(documentName);
    if (!state || state.document !== connection.document) return;
    if (sizeOf(state) + update.byteLength > this.configuration.maxDocumentBytes) throw { ...CLOSE.tooLarge };
    if (connection.readOnly) return;
    const sync = readSync(update);
    if (!sync) return;
    const peer = this.peerOf(connection, state);
    if (sync.kind === "step1") {
      // A (re)connecting client: tell it at once how far its edits are already stored (its
      // edits saved before a dropped connection show as saved); "complete" follows its step 2.
      peer.phase = "syncing";
      peer.stateVector = sync.stateVector;
      this.unconfirm(peer);
      const clocks = new Map([...sync.stateVector.keys()].map((c) => [c, state.stored.get(c) ?? 0]));
      this.send(peer, clocks, false);
      return;
    }
    peer.handling = sync;
    this.unconfirm(peer);
    peer.lastMessageAt = Date.now();
    for (const client of sync.to.keys()) peer.clients.add(client);
    peer.muteStatus = sync.kind === "update" && !this.counted(peer, sync);
  }

  /**
   * The provider counts its unacknowledged updates and, on every (re)connection, resets the
   * count to 1 (for its sync step 2) when it sends sync step 1; updates it had queued while
   * offline are sent after that, and each SyncStatus from Hocuspocus decrements the count.
   * Acknowledging those would leave the count below what is really unacknowledged, and the
   * client would take a later "complete" as covering an update still on its way. So the
   * SyncStatus of an update is muted unless the client counted it: an update before its step
   * 1, or between step 1 and step 2 with no struct beyond that step 1's state vector, was
   * made before the reset (its content reaches the server in the step 2 anyway).
   *
   * An update between step 1 and step 2 that only deletes items the client already had at
   * step 1 cannot be told apart. It is acknowledged (muting one the client counted would keep
   * it waiting forever), so the client's count may be too low, but not once it has nothing
   * unacknowledged (the count cannot go below 0, so the surplus is absorbed): "complete" then
   * waits until the connection has sent nothing for QUIET_MS, far longer than a round trip.
   */
  private counted(peer: Peer, sync: { update: Uint8Array; to: Map<number, number> }): boolean {
    if (peer.phase === "synced") return true;
    if (peer.phase === "opening") return false;
    const beyond = (client: number, clock: number) => clock > (peer.stateVector.get(client) ?? 0);
    if (sync.to.size) return [...sync.to].some(([client, clock]) => beyond(client, clock));
    if (![...deletedRanges(sync.update)].some(([client, end]) => beyond(client, end))) peer.doubtful = true;
    return true;
  }

  async afterHandleMessage({ documentName, connection, document }: afterHandleMessagePayload) {
    const state = this.documents.get(documentName);
    const peer = this.peers.get(connection);
    const sync = peer?.handling;
    if (!state || !peer || peer.state !== state || !sync) return;
    peer.handling = null;
    peer.muteStatus = false;
    // Whatever Yjs applied of it is queued by now (the update event fires inside the message
    // handling); what it parked is applied, and queued, by whichever later update completes it.
    const store = document.store;
    const requirement = store.pendingStructs || store.pendingDs ? requirementOf(sync.update) : null;
    if (requirement && !isApplied(document, requirement)) {
      peer.parked.push(requirement);
      state.parkedPeers.add(peer);
    } else peer.required = Math.max(peer.required, state.enqueued);
    if (sync.kind === "step2") peer.phase = "synced";
    // A message that changed nothing (or only what is stored already) is confirmed right away.
    this.report(peer);
  }

  private peerOf(connection: Connection, state: DocumentState): Peer {
    let peer = this.peers.get(connection);
    if (peer?.state === state) return peer;
    peer = {
      connection,
      state,
      phase: "opening",
      stateVector: new Map(),
      handling: null,
      muteStatus: false,
      doubtful: false,
      lastMessageAt: 0,
      parked: [],
      required: 0,
      clients: new Set(),
      unconfirmed: false,
      told: new Map(),
      lastAck: 0,
      closed: false,
    };
    const created = peer;
    this.peers.set(connection, created);
    state.peers.add(created);
    connection.onClose(() => {
      created.closed = true;
      state.peers.delete(created);
      state.parkedPeers.delete(created);
      state.unconfirmedPeers.delete(created);
      clearTimeout(created.ackTimer);
      clearTimeout(created.quietTimer);
    });
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (created.muteStatus && isSyncStatus(message)) return;
      send(message);
    };
    return created;
  }

  /** The Y.Doc applied an update (any origin): queue it for the log, and check what it unparked. */
  private applied(documentName: string, state: DocumentState, update: Uint8Array, origin: unknown) {
    if (this.documents.get(documentName) !== state) return;
    // Updates replayed from storage, or relayed through Redis by another instance (which
    // stores them), are not logged again.
    const relayed = origin === STORAGE_ORIGIN || (isTransactionOrigin(origin) && origin.source === "redis");
    if (!relayed) {
      state.queue.push({ update, seq: ++state.enqueued });
      state.unstoredBytes += update.byteLength;
      state.flushing ??= this.flush(documentName, state);
    }
    for (const peer of state.parkedPeers) {
      const before = peer.parked.length;
      peer.parked = peer.parked.filter((requirement) => !isApplied(state.document, requirement));
      if (peer.parked.length < before) peer.required = Math.max(peer.required, state.enqueued);
      if (!peer.parked.length) state.parkedPeers.delete(peer);
    }
  }

  /**
   * Brings every open document up to date with storage, the truth shared by every instance:
   * what other instances stored while the relay between them (Redis) was away reaches this
   * one's copy, and through it its clients. Updates Yjs already has change nothing; the ones
   * applied are not logged again. Resolves with how many documents gained something.
   */
  async reconcile(): Promise<number> {
    let changed = 0;
    for (const [documentName, state] of this.documents) {
      if (state.failed) continue;
      const stored = await this.configuration.log.load(documentName);
      if (!stored.exists || this.documents.get(documentName) !== state) continue;
      const before = Y.encodeStateVector(state.document);
      state.document.transact(() => {
        for (const update of stored.updates) Y.applyUpdate(state.document, update, STORAGE_ORIGIN);
      }, STORAGE_ORIGIN);
      if (!equalBytes(before, Y.encodeStateVector(state.document))) changed++;
    }
    return changed;
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
      await state.compacting;
      if (state.sinceCompaction > 0) await this.compact(documentName, state);
    })();
    this.unloading.set(documentName, work);
    await work.finally(() => {
      if (this.unloading.get(documentName) === work) this.unloading.delete(documentName);
    });
  }

  /** Resolves when every unloading document has been flushed and compacted (before closing the pool). */
  async settled() {
    await Promise.all([...this.documents.values()].map((s) => s.flushing));
    await Promise.all([...this.documents.values()].map((s) => s.compacting));
    await Promise.all(this.unloading.values());
  }

  /**
   * Appends what is queued, one INSERT per batch, until the queue is empty. A batch starts at
   * the end of the event-loop turn (so the updates of every message read in it share one
   * INSERT and one commit), and no sooner than appendIntervalMs after the previous one started.
   */
  private async flush(documentName: string, state: DocumentState) {
    while (state.queue.length) {
      const wait = state.lastAppendAt + this.configuration.appendIntervalMs - Date.now();
      await new Promise((resolve) => (wait > 0 ? setTimeout(resolve, wait) : setImmediate(resolve)));
      state.lastAppendAt = Date.now();
      const batch = state.queue.splice(0);
      const bytes = batch.reduce((n, p) => n + p.update.byteLength, 0);
      let ids: bigint[];
      try {
        ids = await this.configuration.log.append(documentName, batch.map((p) => p.update));
      } catch (error) {
        // A foreign-key violation: the Document row is gone (deleted), so there is nothing to resend to.
        const deleted = (error as { code?: string }).code === "23503";
        if (!deleted && !isDatabaseOutage(error, "storing updates")) this.configuration.logger(`storing updates of ${documentName} failed; closing its connections so clients resend`, error);
        state.queue.length = 0;
        state.unstoredBytes = 0;
        state.flushing = null;
        state.failed = true;
        for (const connection of state.document.getConnections()) closeConnection(connection, deleted ? CLOSE.documentDeleted : CLOSE.storageFailed);
        return;
      }
      const lastId = ids[ids.length - 1];
      for (const id of ids) state.knownIds.push(id);
      state.appended.push({ lastId, bytes });
      state.appendedBytes += bytes;
      state.unstoredBytes -= bytes;
      state.storedSeq = batch[batch.length - 1].seq;
      state.sinceCompaction += batch.length;
      for (const { update } of batch) {
        // parseUpdateMeta, not encodeStateVectorFromUpdate: the latter ignores clients whose structs do not start at clock 0.
        for (const [client, clock] of Y.parseUpdateMeta(update).to) state.stored.set(client, Math.max(state.stored.get(client) ?? 0, clock));
      }
      for (const peer of state.unconfirmedPeers) this.report(peer);
      this.scheduleProjection(documentName, state);
      if (state.sinceCompaction >= this.configuration.compactAfter && !state.compacting) {
        state.sinceCompaction = 0;
        state.compacting = this.compact(documentName, state).finally(() => (state.compacting = null));
      }
    }
    state.flushing = null;
  }

  private isComplete(peer: Peer): boolean {
    const { state } = peer;
    return peer.phase === "synced" && !peer.handling && !peer.parked.length && !state.failed && state.storedSeq >= peer.required;
  }

  private unconfirm(peer: Peer) {
    peer.unconfirmed = true;
    if (!peer.closed) peer.state.unconfirmedPeers.add(peer);
  }

  /** Tells a connection how far its edits are stored, as Yjs clocks per client, and whether all of them are. */
  private report(peer: Peer) {
    if (!peer.unconfirmed) return;
    let advanced = false;
    for (const client of peer.clients) {
      const clock = peer.state.stored.get(client);
      if (clock !== undefined && (peer.told.get(client) ?? -1) < clock) {
        advanced = true;
        break;
      }
    }
    if (this.isComplete(peer)) {
      const quietIn = peer.doubtful ? peer.lastMessageAt + QUIET_MS - Date.now() : 0;
      if (quietIn <= 0) {
        // Quiet: the client has nothing unacknowledged, so its count is exact from now on.
        peer.doubtful = false;
        peer.unconfirmed = false;
        peer.state.unconfirmedPeers.delete(peer);
        this.send(peer, storedClocks(peer), true);
        return;
      }
      peer.quietTimer ??= setTimeout(() => {
        peer.quietTimer = undefined;
        this.report(peer);
      }, quietIn);
    }
    if (!advanced) return;
    // Under a burst, one ack per connection every ACK_INTERVAL_MS is enough; the last one is sent when the interval ends.
    const wait = peer.lastAck + ACK_INTERVAL_MS - Date.now();
    if (wait > 0) {
      peer.ackTimer ??= setTimeout(() => {
        peer.ackTimer = undefined;
        this.report(peer);
      }, wait);
      return;
    }
    this.send(peer, storedClocks(peer), false);
  }

  private send(peer: Peer, clocks: Map<number, number>, complete: boolean) {
    clearTimeout(peer.ackTimer);
    peer.ackTimer = undefined;
    peer.lastAck = Date.now();
    for (const [client, clock] of clocks) peer.told.set(client, Math.max(peer.told.get(client) ?? 0, clock));
    peer.connection.sendStateless(savedMessage(clocks, complete));
  }

  private scheduleProjection(documentName: string, state: DocumentState) {
    if (state.projectionTimer) return;
    state.projectionTimer = setTimeout(() => {
      state.projectionTimer = undefined;
      this.configuration.log.saveProjection(documentName, state.document).catch((error) => {
        if (!isDatabaseOutage(error, "updating a document's text")) this.configuration.logger(`updating the text of ${documentName} failed`, error);
      });
    }, this.configuration.projectionDelayMs);
  }

  /**
   * Folds the log into the snapshot; the size counter becomes the new snapshot plus what it
   * did not fold. While the document is loaded, the live copy is encoded when storage holds
   * nothing it lacks (UpdateLog.compact); once unloaded, storage is replayed.
   */
  private async compact(documentName: string, state: DocumentState) {
    try {
      const live = this.documents.get(documentName) === state ? { doc: state.document, digest: state.snapshotDigest, ids: [...state.knownIds] } : undefined;
      const storedSeq = state.storedSeq;
      const result = await this.configuration.log.compact(documentName, live);
      if (!result) return;
      this.compacted(state, result);
      // The compaction wrote the text of everything stored when it started; if nothing was
      // stored since, a pending projection would only write the same text again.
      if (state.storedSeq === storedSeq && state.projectionTimer) {
        clearTimeout(state.projectionTimer);
        state.projectionTimer = undefined;
      }
      state.appended = state.appended.filter((batch) => batch.lastId > result.lastId);
      state.appendedBytes = state.appended.reduce((n, batch) => n + batch.bytes, 0);
      state.baseBytes = result.snapshotBytes;
    } catch (error) {
      if (!isDatabaseOutage(error, "compacting a document")) this.configuration.logger(`compacting ${documentName} failed; the log is kept`, error);
    }
  }

  /**
   * The new snapshot is still one the live copy contains if the one it replaced was, and every
   * row it folded was one the live copy had (otherwise another instance's rows went into it).
   */
  private compacted(state: DocumentState, result: Compaction) {
    const known = new Set(state.knownIds);
    const contained = state.snapshotDigest !== null && result.previousDigest === state.snapshotDigest && result.foldedIds.every((id) => known.has(id));
    state.snapshotDigest = contained ? result.digest : null;
    const folded = new Set(result.foldedIds);
    state.knownIds = state.knownIds.filter((id) => !folded.has(id));
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.byteLength === b.byteLength && a.every((byte, i) => byte === b[i]);
}

/** How far the edits of the clients whose structs the connection sent are stored. */
function storedClocks(peer: Peer): Map<number, number> {
  const clocks = new Map<number, number>();
  for (const client of peer.clients) {
    const clock = peer.state.stored.get(client);
    if (clock !== undefined) clocks.set(client, clock);
  }
  return clocks;
}

/** Bytes the document takes in storage, plus what is on its way there. */
function sizeOf(state: DocumentState): number {
  return state.baseBytes + state.appendedBytes + state.unstoredBytes;
}

type SyncMessage = { kind: "step1"; stateVector: Map<number, number> } | { kind: "step2" | "update"; update: Uint8Array; to: Map<number, number> };

/** A Hocuspocus frame carrying a y-protocols sync message (documentName, Sync, sub-type, payload), decoded. */
function readSync(frame: Uint8Array): SyncMessage | null {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    const type = decoding.readVarUint(decoder);
    if (type !== MessageType.Sync && type !== MessageType.SyncReply) return null;
    const sub = decoding.readVarUint(decoder);
    const payload = decoding.readVarUint8Array(decoder);
    if (sub === 0) return { kind: "step1", stateVector: Y.decodeStateVector(payload) };
    if (sub === 1 || sub === 2) return { kind: sub === 1 ? "step2" : "update", update: payload, to: Y.parseUpdateMeta(payload).to };
  } catch {
    // Not decodable: Hocuspocus rejects it on its own.
  }
  return null;
}

function isSyncStatus(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MessageType.SyncStatus;
  } catch {
    return false;
  }
}

/** For each client whose items an update deletes: the end of the last range it deletes. */
function deletedRanges(update: Uint8Array): Map<number, number> {
  const ends = new Map<number, number>();
  try {
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) for (const item of items) ends.set(client, Math.max(ends.get(client) ?? 0, item.clock + item.len));
  } catch {
    // A corrupt update deletes nothing.
  }
  return ends;
}

/** What an update needs in the document to count as applied: every struct it carries and every item it deletes. */
function requirementOf(update: Uint8Array): Map<number, number> {
  const requirement = new Map<number, number>();
  const need = (client: number, clock: number) => requirement.set(client, Math.max(requirement.get(client) ?? 0, clock));
  try {
    const { structs, ds } = Y.decodeUpdate(update);
    for (const struct of structs) if (!(struct instanceof Y.Skip)) need(struct.id.client, struct.id.clock + struct.length);
    for (const [client, items] of ds.clients) for (const item of items) need(client, item.clock + item.len);
  } catch {
    // A corrupt update applies nothing.
  }
  return requirement;
}

/**
 * Yjs integrates each client's structs in clock order and parks the rest (pendingStructs);
 * a deletion of an item it does not have yet waits in pendingDs and is applied in the same
 * transaction that brings the item. So an update is applied once the document holds every
 * struct it carries or deletes.
 */
function isApplied(document: Y.Doc, requirement: Map<number, number>): boolean {
  for (const [client, clock] of requirement) if (Y.getState(document.store, client) < clock) return false;
  return true;
}
