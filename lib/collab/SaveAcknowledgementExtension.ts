import type { afterHandleMessagePayload, beforeHandleMessagePayload, Connection, Extension, onLoadDocumentPayload } from "@hocuspocus/server";
import { savedMessage } from "./messages";
import type { PersistenceExtension } from "./PersistenceExtension";
import { hasAdvanced, isComplete, isCounted, newPeer, QUIET_MS, storedClocks, type SavePeer, type SavingDocument } from "./save-peer";
import { isApplied, isSyncStatus, readSync, requirementOf } from "./sync-frames";

const ACK_INTERVAL_MS = 25;

/**
 * The "saved" stateless messages: each connection is told how far its edits are durably stored
 * (Yjs clocks per client), and "complete" once all of them are.
 *
 * "complete" is decided per connection from what it sent, not from which transaction
 * stored it: Yjs parks an update whose dependencies have not arrived (Hocuspocus still
 * answers it as applied) and applies it later inside whichever update supplies them,
 * possibly another connection's. A connection is complete once its sync step 2 and every
 * later update of it are applied by Yjs and every update queued up to then is stored.
 */
export class SaveAcknowledgementExtension implements Extension {
  extensionName = "MarginaliaSaveAcknowledgements";
  priority = 890;
  private documents = new Map<string, SavingDocument>();
  private peers = new WeakMap<Connection, SavePeer>();

  constructor(private configuration: { persistence: PersistenceExtension }) {}

  async onLoadDocument({ documentName }: onLoadDocumentPayload) {
    const doc = this.configuration.persistence.stored(documentName);
    if (!doc) return;
    const saving: SavingDocument = { doc, peers: new Set(), parkedPeers: new Set(), unconfirmedPeers: new Set() };
    this.documents.set(documentName, saving);
    doc.on("applied", () => this.unpark(saving));
    doc.on("stored", () => {
      for (const peer of saving.unconfirmedPeers) this.report(peer);
    });
    doc.on("unloaded", () => {
      if (this.documents.get(documentName) === saving) this.documents.delete(documentName);
    });
  }

  async beforeHandleMessage({ documentName, connection, update }: beforeHandleMessagePayload) {
    const saving = this.documents.get(documentName);
    if (!saving || saving.doc.document !== connection.document || connection.readOnly) return;
    const sync = readSync(update);
    if (!sync) return;
    const peer = this.peerOf(connection, saving);
    if (sync.kind === "step1") {
      // A (re)connecting client: tell it at once how far its edits are already stored (its
      // edits saved before a dropped connection show as saved); "complete" follows its step 2.
      peer.phase = "syncing";
      peer.stateVector = sync.stateVector;
      this.unconfirm(peer);
      this.send(peer, new Map([...sync.stateVector.keys()].map((c) => [c, saving.doc.stored.get(c) ?? 0])), false);
      return;
    }
    peer.handling = sync;
    this.unconfirm(peer);
    peer.lastMessageAt = Date.now();
    for (const client of sync.to.keys()) peer.clients.add(client);
    peer.muteStatus = sync.kind === "update" && !isCounted(peer, sync);
  }

  async afterHandleMessage({ documentName, connection, document }: afterHandleMessagePayload) {
    const saving = this.documents.get(documentName);
    const peer = this.peers.get(connection);
    const sync = peer?.handling;
    if (!saving || !peer || peer.saving !== saving || !sync) return;
    peer.handling = null;
    peer.muteStatus = false;
    // Whatever Yjs applied of it is queued by now (the update event fires inside the message
    // handling); what it parked is applied, and queued, by whichever later update completes it.
    const store = document.store;
    const requirement = store.pendingStructs || store.pendingDs ? requirementOf(sync.update) : null;
    if (requirement && !isApplied(document, requirement)) {
      peer.parked.push(requirement);
      saving.parkedPeers.add(peer);
    } else peer.required = Math.max(peer.required, saving.doc.enqueued);
    if (sync.kind === "step2") peer.phase = "synced";
    // A message that changed nothing (or only what is stored already) is confirmed right away.
    this.report(peer);
  }

  private peerOf(connection: Connection, saving: SavingDocument): SavePeer {
    const known = this.peers.get(connection);
    if (known?.saving === saving) return known;
    const peer = newPeer(connection, saving);
    this.peers.set(connection, peer);
    saving.peers.add(peer);
    connection.onClose(() => {
      peer.closed = true;
      saving.peers.delete(peer);
      saving.parkedPeers.delete(peer);
      saving.unconfirmedPeers.delete(peer);
      clearTimeout(peer.ackTimer);
      clearTimeout(peer.quietTimer);
    });
    const send = connection.send.bind(connection);
    connection.send = (message: Uint8Array) => {
      if (peer.muteStatus && isSyncStatus(message)) return;
      send(message);
    };
    return peer;
  }

  /** The Y.Doc applied an update: the parked updates it completed count from now on. */
  private unpark(saving: SavingDocument) {
    for (const peer of saving.parkedPeers) {
      const before = peer.parked.length;
      peer.parked = peer.parked.filter((requirement) => !isApplied(saving.doc.document, requirement));
      if (peer.parked.length < before) peer.required = Math.max(peer.required, saving.doc.enqueued);
      if (!peer.parked.length) saving.parkedPeers.delete(peer);
    }
  }

  private unconfirm(peer: SavePeer) {
    peer.unconfirmed = true;
    if (!peer.closed) peer.saving.unconfirmedPeers.add(peer);
  }

  /** Tells a connection how far its edits are stored, and whether all of them are. */
  private report(peer: SavePeer) {
    if (!peer.unconfirmed) return;
    const advanced = hasAdvanced(peer);
    if (isComplete(peer)) {
      const quietIn = peer.doubtful ? peer.lastMessageAt + QUIET_MS - Date.now() : 0;
      if (quietIn <= 0) {
        // Quiet: the client has nothing unacknowledged, so its count is exact from now on.
        peer.doubtful = false;
        peer.unconfirmed = false;
        peer.saving.unconfirmedPeers.delete(peer);
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

  private send(peer: SavePeer, clocks: Map<number, number>, complete: boolean) {
    clearTimeout(peer.ackTimer);
    peer.ackTimer = undefined;
    peer.lastAck = Date.now();
    for (const [client, clock] of clocks) peer.told.set(client, Math.max(peer.told.get(client) ?? 0, clock));
    peer.connection.sendStateless(savedMessage(clocks, complete));
  }
}
