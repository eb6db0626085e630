import type { Connection } from "@hocuspocus/server";
import type { StoredDocument } from "./stored-document";
import { deletedRanges } from "./sync-frames";

/** How long a doubtful connection must send nothing before it is told "complete" (see isCounted). */
export const QUIET_MS = 1000;

/** The connections of one loaded document that the save acknowledgements follow. */
export type SavingDocument = {
  doc: StoredDocument;
  peers: Set<SavePeer>;
  /** Peers with parked updates, and peers owed a report: the per-update loops visit only these. */
  parkedPeers: Set<SavePeer>;
  unconfirmedPeers: Set<SavePeer>;
};

/**
 * What the server knows about one client connection. `required` is the number of the last
 * update that must be stored before everything this connection sent (and Yjs applied) is.
 */
export type SavePeer = {
  connection: Connection;
  saving: SavingDocument;
  /**
   * opening: before the client's sync step 1; syncing: until its sync step 2 (the reply to
   * the server's step 1) has been applied; synced: afterwards.
   */
  phase: "opening" | "syncing" | "synced";
  /** The state vector of the client's latest sync step 1. */
  stateVector: Map<number, number>;
  /** The sync update (or step 2) of this connection being handled, between beforeHandleMessage and afterHandleMessage. */
  handling: { kind: "step2" | "update"; update: Uint8Array } | null;
  /** Drop the SyncStatus Hocuspocus sends for the message being handled (see isCounted). */
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

export function newPeer(connection: Connection, saving: SavingDocument): SavePeer {
  return { connection, saving, phase: "opening", stateVector: new Map(), handling: null, muteStatus: false, doubtful: false, lastMessageAt: 0, parked: [], required: 0, clients: new Set(), unconfirmed: false, told: new Map(), lastAck: 0, closed: false };
}

/** Its sync step 2 and every later update are applied by Yjs, and every update queued up to then is stored. */
export function isComplete(peer: SavePeer): boolean {
  const { doc } = peer.saving;
  return peer.phase === "synced" && !peer.handling && !peer.parked.length && !doc.failed && doc.storedSeq >= peer.required;
}

/** Whether storage holds more of the connection's edits than it was told. */
export function hasAdvanced(peer: SavePeer): boolean {
  for (const client of peer.clients) {
    const clock = peer.saving.doc.stored.get(client);
    if (clock !== undefined && (peer.told.get(client) ?? -1) < clock) return true;
  }
  return false;
}

/** How far the edits of the clients whose structs the connection sent are stored. */
export function storedClocks(peer: SavePeer): Map<number, number> {
  const clocks = new Map<number, number>();
  for (const client of peer.clients) {
    const clock = peer.saving.doc.stored.get(client);
    if (clock !== undefined) clocks.set(client, clock);
  }
  return clocks;
}

/**
 * Whether the client counted this update among its unacknowledged ones (its SyncStatus may be
 * sent); marks the peer doubtful where that cannot be told.
 *
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
export function isCounted(peer: SavePeer, sync: { update: Uint8Array; to: Map<number, number> }): boolean {
  if (peer.phase === "synced") return true;
  if (peer.phase === "opening") return false;
  const beyond = (client: number, clock: number) => clock > (peer.stateVector.get(client) ?? 0);
  if (sync.to.size) return [...sync.to].some(([client, clock]) => beyond(client, clock));
  if (![...deletedRanges(sync.update)].some(([client, end]) => beyond(client, end))) peer.doubtful = true;
  return true;
}
