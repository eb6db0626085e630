/**
 * The editor's connection badge as a pure state machine: provider and browser events in,
 * a label out. No React, no Hocuspocus import, so it is unit-tested on its own.
 */

/** The WebSocket's own status, as Hocuspocus reports it. */
export type SocketStatus = "connecting" | "connected" | "disconnected";

export type ConnectionState = {
  socket: SocketStatus;
  /** The sync handshake finished on the current connection. */
  synced: boolean;
  /** A handshake finished at least once: a later drop is a reconnect, not a first connect. */
  everSynced: boolean;
  /** Local Yjs updates since the server last confirmed durable storage of everything we sent. */
  pending: number;
  /** Our Yjs clock after the latest local update: a save notice must reach it to cover our inserts. */
  requiredClock: number;
  /** The highest clock of ours the server reported as durably stored. */
  storedClock: number;
  /** A pending update only deleted text; deletions carry no clock, so no saved clock can prove them stored. */
  pendingDeletion: boolean;
  /** The browser believes it has a network (navigator.onLine). */
  online: boolean;
  /** The server refused the session (signed out, removed from the group). */
  denied: boolean;
  /** The server could not reach its storage and closed the connection to be retried: nothing is wrong with access. */
  unavailable: boolean;
  /** An owner deleted the document: nothing to reconnect to. */
  deleted: boolean;
  /** The server accepted us read-only although the page thought we could edit. */
  readOnlyScope: boolean;
};

export const initialConnectionState: ConnectionState = {
  socket: "connecting",
  synced: false,
  everSynced: false,
  pending: 0,
  requiredClock: 0,
  storedClock: 0,
  pendingDeletion: false,
  online: true,
  denied: false,
  unavailable: false,
  deleted: false,
  readOnlyScope: false,
};

export type ConnectionEvent =
  | { type: "status"; status: SocketStatus }
  | { type: "synced" }
  | { type: "authenticated"; scope: "read-write" | "readonly" }
  | { type: "authenticationFailed" }
  /** The server closed the connection because its storage is unavailable for now; the provider reconnects. */
  | { type: "unavailable" }
  /** The server closed the document because it was deleted. */
  | { type: "deleted" }
  /** One Yjs update whose origin is not the provider, i.e. made in this tab; `clock` is our Yjs clock after it. */
  | { type: "localChange"; clock: number }
  /**
   * The server's `{"type":"saved","clocks":{…}}`; `clock` is ours from that map (see savedClock).
   * It clears the count once the stored clock reaches our clock at the latest edit, which covers
   * every insert and format exactly. Delete-only updates carry no clock: while one is pending it
   * also needs `unacknowledged` (updates the server has not applied yet, Hocuspocus's
   * unsyncedChanges) to be 0, since a notice that overtook our deletion cannot cover it.
   */
  | { type: "saved"; unacknowledged: number; clock: number | null; complete?: boolean }
  | { type: "online" }
  | { type: "offline" };

export function reduceConnection(state: ConnectionState, event: ConnectionEvent): ConnectionState {
  switch (event.type) {
    case "status":
      if (event.status === state.socket) return state;
      // Any new socket starts a new handshake; "synced" only counts for the connection it came on.
      return { ...state, socket: event.status, synced: event.status === "connected" ? state.synced : false };
    case "synced":
      return { ...state, socket: "connected", synced: true, everSynced: true, denied: false, unavailable: false };
    case "authenticated":
      return { ...state, denied: false, readOnlyScope: event.scope === "readonly" };
    case "authenticationFailed":
      return { ...state, denied: true, synced: false };
    case "unavailable":
      return state.unavailable && !state.synced ? state : { ...state, unavailable: true, synced: false };
    case "deleted":
      return state.deleted ? state : { ...state, deleted: true, synced: false };
    case "localChange":
      return {
        ...state,
        pending: state.pending + 1,
        // Our clock only grows with our own inserts; an update that left it alone only deleted.
        pendingDeletion: state.pendingDeletion || event.clock <= state.requiredClock,
        requiredClock: Math.max(state.requiredClock, event.clock),
      };
    case "saved": {
      const storedClock = event.clock !== null && Number.isFinite(event.clock) ? Math.max(state.storedClock, event.clock) : state.storedClock;
      const insertsCovered = storedClock >= state.requiredClock;
      const covered =
        event.complete !== undefined
          ? // The server says whether every update it applied from us is stored: only that proves deletions.
            (event.complete && event.unacknowledged === 0) || (insertsCovered && !state.pendingDeletion)
          : event.clock === Number.POSITIVE_INFINITY
            ? event.unacknowledged === 0 // a bare notice proves nothing by itself; trust it only with every update applied
            : insertsCovered && (!state.pendingDeletion || event.unacknowledged === 0);
      if (storedClock === state.storedClock && (!covered || state.pending === 0)) return state;
      return covered ? { ...state, storedClock, pending: 0, pendingDeletion: false } : { ...state, storedClock };
    }
    case "online":
      return state.online ? state : { ...state, online: true };
    case "offline":
      return state.online ? { ...state, online: false } : state;
  }
}

export type ConnectionKind = "connecting" | "saved" | "saving" | "live" | "reconnecting" | "offline" | "denied" | "deleted";

export type ConnectionView = {
  kind: ConnectionKind;
  /** Short text for the badge. */
  label: string;
  /** A sentence for the tooltip and screen readers. */
  description: string;
};

export function changesWaiting(count: number): string {
  return `${count} ${count === 1 ? "change" : "changes"} waiting`;
}

/**
 * Refusals at connect that say nothing about access, so the editor keeps its edits, shows
 * "Reconnecting…" and tries again with a growing delay instead of saying "No access": the
 * database was away (storage-unavailable), or too many sign-ins from this address were in
 * flight at once (rate-limited: a classroom behind one address reconnecting after a restart).
 */
// "storage-unavailable" is STORAGE_UNAVAILABLE.reason in lib/collab/messages.ts (a server module; the test holds them equal).
const RETRYABLE_REFUSALS = new Set(["storage-unavailable", "rate-limited"]);

export function isRetryableRefusal(reason: string | undefined): boolean {
  return reason !== undefined && RETRYABLE_REFUSALS.has(reason);
}

/** The badge for a state; viewers never see Saving/Saved, only whether the text is live. */
export function describeConnection(state: ConnectionState, { canEdit }: { canEdit: boolean }): ConnectionView {
  const editing = canEdit && !state.readOnlyScope;
  if (state.deleted) {
    return { kind: "deleted", label: "Deleted", description: "An owner of the group deleted this document, with its annotations and discussion." };
  }
  if (state.denied) {
    return { kind: "denied", label: "No access", description: "The server refused this session. Sign in again or ask the group's owner for access." };
  }
  // The browser's offline event arrives well before the socket's own timeout notices.
  if (!state.synced || !state.online) {
    if (state.unavailable && state.online) {
      return editing && state.pending > 0
        ? {
            kind: "reconnecting",
            label: `Reconnecting — ${changesWaiting(state.pending)}`,
            description: "The server can't store changes for a moment. Your edits are kept in this tab and will be sent when it's back. Don't close it.",
          }
        : { kind: "reconnecting", label: "Reconnecting…", description: "The server is unavailable for a moment; trying again." };
    }
    if (editing && state.pending > 0) {
      return {
        kind: "offline",
        label: `Offline — ${changesWaiting(state.pending)}`,
        description: "Your edits are kept in this tab and will be sent when the connection returns. Don't close it.",
      };
    }
    if (!state.online) {
      return { kind: "offline", label: "Offline", description: "No network. The text will update when the connection returns." };
    }
    if (!state.everSynced) {
      return { kind: "connecting", label: "Connecting…", description: "Connecting to the live document." };
    }
    return { kind: "reconnecting", label: "Reconnecting…", description: "The connection dropped; trying again." };
  }
  if (!editing) {
    return { kind: "live", label: "Live", description: "You see other people's changes as they type." };
  }
  if (state.pending > 0) {
    return { kind: "saving", label: "Saving…", description: "Your latest changes are on their way to the server." };
  }
  return { kind: "saved", label: "Saved", description: "Everything you changed is stored on the server." };
}

/** A stateless message from the collaboration server, or null when the payload isn't one. */
export type StatelessMessage = { type: string } & Record<string, unknown>;

export function parseStatelessMessage(payload: unknown): StatelessMessage | null {
  if (typeof payload !== "string") return null;
  let value: unknown;
  try {
    value = JSON.parse(payload);
  } catch {
    return null;
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
  const type = (value as { type?: unknown }).type;
  return typeof type === "string" ? (value as StatelessMessage) : null;
}

export function isSavedMessage(message: StatelessMessage | null): boolean {
  return message?.type === "saved";
}

/**
 * How far a saved message says our edits (Yjs client `clientId`) are stored: the clock from its
 * `clocks` map; null when the map doesn't name us (a batch of delete-only updates); Infinity for
 * a bare `{"type":"saved"}` without clocks, which the server means as "everything you sent".
 */
export function savedClock(message: StatelessMessage, clientId: number): number | null {
  const clocks = message.clocks;
  if (clocks === undefined) return Number.POSITIVE_INFINITY;
  if (typeof clocks !== "object" || clocks === null) return null;
  const clock = (clocks as Record<string, unknown>)[String(clientId)];
  return typeof clock === "number" && Number.isFinite(clock) && clock >= 0 ? clock : null;
}
