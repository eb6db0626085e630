import { MessageType } from "@hocuspocus/server";
import * as decoding from "lib0/decoding";
import * as Y from "yjs";

/** A y-protocols sync message as the server needs it: a client's state vector, or an update with the clocks it reaches. */
export type SyncMessage = { kind: "step1"; stateVector: Map<number, number> } | { kind: "step2" | "update"; update: Uint8Array; to: Map<number, number> };

/** A Hocuspocus frame carrying a y-protocols sync message (documentName, Sync, sub-type, payload), decoded. */
export function readSync(frame: Uint8Array): SyncMessage | null {
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

/** Whether a frame the server sends is Hocuspocus's SyncStatus (its "applied" answer to an update). */
export function isSyncStatus(frame: Uint8Array): boolean {
  try {
    const decoder = decoding.createDecoder(frame);
    decoding.readVarString(decoder);
    return decoding.readVarUint(decoder) === MessageType.SyncStatus;
  } catch {
    return false;
  }
}

/** For each client whose items an update deletes: the end of the last range it deletes. */
export function deletedRanges(update: Uint8Array): Map<number, number> {
  const ends = new Map<number, number>();
  try {
    for (const [client, items] of Y.decodeUpdate(update).ds.clients) for (const item of items) ends.set(client, Math.max(ends.get(client) ?? 0, item.clock + item.len));
  } catch {
    // A corrupt update deletes nothing.
  }
  return ends;
}

/** What an update needs in the document to count as applied: every struct it carries and every item it deletes. */
export function requirementOf(update: Uint8Array): Map<number, number> {
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
export function isApplied(document: Y.Doc, requirement: Map<number, number>): boolean {
  for (const [client, clock] of requirement) if (Y.getState(document.store, client) < clock) return false;
  return true;
}
