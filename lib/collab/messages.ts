/** Stateless messages the collaboration server sends (JSON strings over Hocuspocus). */
export type SavedMessage = {
  type: "saved";
  /** Yjs clientID → clock up to which that client's edits are durably stored. */
  clocks: Record<string, number>;
  /**
   * Every update this connection sent is applied and stored: its sync step 2, and each update
   * after it (one Yjs parked until its dependencies arrive counts as not applied, whatever
   * Hocuspocus answered). Deletions add no clock, so a client proves them saved with this
   * plus "nothing unacknowledged" (the provider's unsyncedChanges; isCounted in lib/collab/save-peer.ts
   * says how the server keeps that count honest across reconnects). Also sent for an update
   * that changed nothing.
   */
  complete: boolean;
};

/** Written by hand (one per acknowledged update, so on the hot path); the same JSON as JSON.stringify of a SavedMessage. */
export function savedMessage(clocks: Map<number, number>, complete: boolean): string {
  let json = '{"type":"saved","clocks":{';
  let first = true;
  for (const [client, clock] of clocks) {
    json += `${first ? "" : ","}"${client}":${clock}`;
    first = false;
  }
  return `${json}},"complete":${complete}}`;
}

/** Close codes the server uses; the reason string says what happened. */
export const CLOSE = {
  accessRevoked: { code: 4403, reason: "access revoked" },
  signedOut: { code: 4401, reason: "signed out: the session or API token was revoked" },
  documentDeleted: { code: 4410, reason: "This document was deleted" },
  tooLarge: { code: 4413, reason: "document too large" },
  storageFailed: { code: 4503, reason: "storage unavailable, reconnect to resend" },
} as const;

/**
 * What a hook throws when storage could not be reached while a connection was being opened
 * (authentication, loading the document). Hocuspocus would answer it as "permission denied";
 * the server's socket layer turns it into a close with CLOSE.storageFailed instead, which
 * clients retry (lib/collab/server.ts), so nobody is told they lack access.
 */
export const STORAGE_UNAVAILABLE = { reason: "storage-unavailable" } as const;

/**
 * Ends a document connection and its socket. Hocuspocus's Connection.close only sends a
 * CLOSE message and leaves the socket open, so a client would never reconnect and resend.
 */
export function closeConnection(connection: { close: (e: { code: number; reason: string }) => void; webSocket: { close: (code?: number, reason?: string) => void } }, event: { code: number; reason: string }) {
  connection.close({ ...event });
  connection.webSocket.close(event.code, event.reason);
}
