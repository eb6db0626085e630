import { describe, expect, it } from "vitest";
import { STORAGE_UNAVAILABLE } from "../../../lib/collab/messages";
import {
  changesWaiting,
  describeConnection,
  initialConnectionState,
  isRetryableRefusal,
  isSavedMessage,
  parseStatelessMessage,
  reduceConnection,
  savedClock,
  type ConnectionEvent,
  type ConnectionState,
} from "../../../components/editor/connection-state";

const connected: ConnectionEvent[] = [{ type: "status", status: "connected" }, { type: "synced" }];
const drop: ConnectionEvent = { type: "status", status: "disconnected" };
/** A local update that inserted text, leaving our Yjs clock at `clock`. */
const typed = (clock: number): ConnectionEvent => ({ type: "localChange", clock });
/** The server's notice that our edits up to `clock` are stored; nothing still in flight. */
const savedUpTo = (clock: number | null, unacknowledged = 0): ConnectionEvent => ({ type: "saved", clock, unacknowledged });
const edit = typed(1);
const saved = savedUpTo(Number.POSITIVE_INFINITY);

function run(events: ConnectionEvent[], from: ConnectionState = initialConnectionState): ConnectionState {
  return events.reduce(reduceConnection, from);
}

function label(events: ConnectionEvent[], canEdit = true): string {
  return describeConnection(run(events), { canEdit }).label;
}

describe("connection state: the editor's badge", () => {
  it("starts as Connecting…", () => {
    expect(label([])).toBe("Connecting…");
    expect(label([{ type: "status", status: "connecting" }])).toBe("Connecting…");
    // The socket is open but the handshake has not finished: still connecting.
    expect(label([{ type: "status", status: "connected" }])).toBe("Connecting…");
  });

  it("is Saved once synced with nothing of ours outstanding", () => {
    expect(label(connected)).toBe("Saved");
  });

  it("is Saving… after a local edit until the server's saved message covers it", () => {
    expect(label([...connected, typed(3)])).toBe("Saving…");
    expect(label([...connected, typed(3), typed(5), savedUpTo(5)])).toBe("Saved");
  });

  it("only says Saved when the stored clock reaches our latest edit", () => {
    // The notice for the first batch arrives while the second is still being stored.
    expect(label([...connected, typed(3), typed(5), savedUpTo(3)])).toBe("Saving…");
    expect(label([...connected, typed(3), savedUpTo(3), typed(5)])).toBe("Saving…");
    expect(label([...connected, typed(3), savedUpTo(3), typed(5), savedUpTo(5)])).toBe("Saved");
  });

  it("keeps the highest stored clock across notices that don't name us", () => {
    const state = run([...connected, typed(3), savedUpTo(3), savedUpTo(null), savedUpTo(2)]);
    expect(state.storedClock).toBe(3);
    expect(describeConnection(state, { canEdit: true }).label).toBe("Saved");
  });

  it("proves deletions (which carry no clock) stored only when no update of ours is unapplied", () => {
    // Typed to clock 3 and saved, then deleted a word: our clock stays 3.
    const deleted = [...connected, typed(3), savedUpTo(3), typed(3)];
    expect(run(deleted).pendingDeletion).toBe(true);
    expect(label(deleted)).toBe("Saving…");
    // A notice that overtook the deletion (still unapplied on the server) cannot cover it.
    expect(label([...deleted, savedUpTo(null, 1)])).toBe("Saving…");
    // The deletion's own notice: a batch without inserts names no clock of ours.
    expect(label([...deleted, savedUpTo(null, 0)])).toBe("Saved");
    expect(run([...deleted, savedUpTo(null, 0)]).pendingDeletion).toBe(false);
  });

  it("needs no ack count for inserts: the clock is exact (a reconnect's first notice)", () => {
    expect(label([...connected, typed(4), drop, ...connected, savedUpTo(4, 1)])).toBe("Saved");
    expect(label([...connected, typed(4), drop, ...connected, savedUpTo(2, 1)])).toBe("Saving…");
  });

  it("trusts a bare saved message without clocks only when every update was applied", () => {
    expect(label([...connected, typed(3), savedUpTo(Number.POSITIVE_INFINITY, 1)])).toBe("Saving…");
    expect(label([...connected, typed(3), savedUpTo(Number.POSITIVE_INFINITY, 0)])).toBe("Saved");
  });

  it("says Reconnecting… after a drop with nothing waiting", () => {
    expect(label([...connected, drop])).toBe("Reconnecting…");
    expect(label([...connected, drop, { type: "status", status: "connecting" }])).toBe("Reconnecting…");
    expect(label([...connected, drop, { type: "status", status: "connected" }])).toBe("Reconnecting…");
    expect(label([...connected, drop, ...connected])).toBe("Saved");
  });

  it("counts changes made while offline and keeps counting unsaved ones from before the drop", () => {
    expect(label([...connected, drop, edit])).toBe("Offline — 1 change waiting");
    expect(label([...connected, typed(1), drop, typed(2), typed(3)])).toBe("Offline — 3 changes waiting");
  });

  it("goes back to Saving… on reconnect, then Saved once the server stored them", () => {
    const offline = [...connected, drop, typed(1), typed(2)];
    expect(label([...offline, ...connected])).toBe("Saving…");
    expect(label([...offline, ...connected, savedUpTo(1)])).toBe("Saving…");
    expect(label([...offline, ...connected, savedUpTo(2)])).toBe("Saved");
  });

  it("reports offline as soon as the browser does, before the socket notices", () => {
    expect(label([...connected, { type: "offline" }])).toBe("Offline");
    expect(label([...connected, edit, { type: "offline" }])).toBe("Offline — 1 change waiting");
    expect(label([...connected, { type: "offline" }, { type: "online" }])).toBe("Saved");
  });

  it("says No access when the server refuses the session, until it accepts one", () => {
    expect(describeConnection(run([{ type: "authenticationFailed" }]), { canEdit: true }).kind).toBe("denied");
    expect(label([{ type: "authenticationFailed" }, { type: "authenticated", scope: "read-write" }, ...connected])).toBe("Saved");
  });

  it("says Reconnecting, never No access, while the server's storage is unavailable, and keeps counting the edits waiting", () => {
    const refused: ConnectionEvent[] = [drop, { type: "unavailable" }];
    expect(describeConnection(run([...connected, ...refused]), { canEdit: true }).kind).toBe("reconnecting");
    expect(label([...connected, ...refused])).toBe("Reconnecting…");
    expect(label([...connected, edit, ...refused, typed(2), typed(3)])).toBe("Reconnecting — 3 changes waiting");
    // Refused again and again at each retry, before the first sync too.
    expect(label([{ type: "unavailable" }, { type: "status", status: "connecting" }, { type: "unavailable" }])).toBe("Reconnecting…");
    expect(label([...connected, edit, ...refused], false)).toBe("Reconnecting…");
    // Back: synced again, the waiting edits go out and are confirmed.
    expect(label([...connected, edit, ...refused, ...connected, saved])).toBe("Saved");
    // The browser going offline meanwhile is still said as offline.
    expect(label([...connected, edit, ...refused, { type: "offline" }])).toBe("Offline — 1 change waiting");
  });

  it("says Deleted once the server closes a deleted document, whatever follows, for editors and viewers", () => {
    expect(label([...connected, edit, { type: "deleted" }])).toBe("Deleted");
    expect(label([...connected, { type: "deleted" }, { type: "status", status: "disconnected" }, { type: "offline" }])).toBe("Deleted");
    expect(describeConnection(run([...connected, { type: "deleted" }]), { canEdit: false }).kind).toBe("deleted");
  });

  it("shows viewers Live instead of Saving/Saved", () => {
    expect(label(connected, false)).toBe("Live");
    expect(label([...connected, edit], false)).toBe("Live");
    expect(label([...connected, drop, edit], false)).toBe("Reconnecting…");
    expect(label([], false)).toBe("Connecting…");
  });

  it("treats a read-only grant from the server like a viewer", () => {
    const state = run([{ type: "authenticated", scope: "readonly" }, ...connected, edit]);
    expect(state.readOnlyScope).toBe(true);
    expect(describeConnection(state, { canEdit: true }).label).toBe("Live");
  });

  it("does not change state for repeated or irrelevant events", () => {
    const state = run(connected);
    expect(reduceConnection(state, { type: "status", status: "connected" })).toBe(state);
    expect(reduceConnection(state, saved)).toBe(state);
    expect(reduceConnection(state, { type: "online" })).toBe(state);
  });

  it("gives every label a sentence for the tooltip", () => {
    const cases: ConnectionEvent[][] = [[], connected, [...connected, edit], [...connected, drop], [...connected, drop, edit], [{ type: "authenticationFailed" }]];
    for (const events of cases) {
      for (const canEdit of [true, false]) {
        expect(describeConnection(run(events), { canEdit }).description).toMatch(/\.$/);
      }
    }
  });
});

describe("changesWaiting", () => {
  it("pluralises", () => {
    expect(changesWaiting(1)).toBe("1 change waiting");
    expect(changesWaiting(2)).toBe("2 changes waiting");
  });
});

describe("savedClock", () => {
  const message = (payload: string) => parseStatelessMessage(payload)!;

  it("reads our clock from the server's clocks map", () => {
    expect(savedClock(message('{"type":"saved","clocks":{"123":7,"456":2}}'), 123)).toBe(7);
    expect(savedClock(message('{"type":"saved","clocks":{"123":0}}'), 123)).toBe(0);
  });

  it("is null when the map doesn't name us or is malformed", () => {
    expect(savedClock(message('{"type":"saved","clocks":{}}'), 123)).toBeNull();
    expect(savedClock(message('{"type":"saved","clocks":{"123":"7"}}'), 123)).toBeNull();
    expect(savedClock(message('{"type":"saved","clocks":{"123":-1}}'), 123)).toBeNull();
    expect(savedClock(message('{"type":"saved","clocks":null}'), 123)).toBeNull();
  });

  it("is Infinity for a bare saved message", () => {
    expect(savedClock(message('{"type":"saved"}'), 123)).toBe(Number.POSITIVE_INFINITY);
  });
});

describe("parseStatelessMessage", () => {
  it("reads the server's saved message", () => {
    const message = parseStatelessMessage('{"type":"saved"}');
    expect(message).toEqual({ type: "saved" });
    expect(isSavedMessage(message)).toBe(true);
  });

  it("passes other typed messages through", () => {
    const message = parseStatelessMessage('{"type":"annotation.created","annotation":{"id":"a1"}}');
    expect(message?.type).toBe("annotation.created");
    expect(isSavedMessage(message)).toBe(false);
  });

  it.each(["", "saved", "null", "[]", '"saved"', '{"type":1}', "{}", "{not json", '{"kind":"saved"}'])("rejects %j", (payload) => {
    expect(parseStatelessMessage(payload)).toBeNull();
    expect(isSavedMessage(parseStatelessMessage(payload))).toBe(false);
  });

  it("rejects non-strings", () => {
    expect(parseStatelessMessage(undefined)).toBeNull();
    expect(parseStatelessMessage({ type: "saved" })).toBeNull();
  });

  it("with the server's completeness flag, proves a deletion stored only when complete", () => {
    const deleted: ConnectionEvent[] = [...connected, typed(5), savedUpTo(5), typed(5)];
    const notice = (complete: boolean, unacknowledged = 0): ConnectionEvent => ({ type: "saved", clock: null, unacknowledged, complete });
    expect(run([...deleted, notice(false)]).pending).toBe(1);
    expect(run([...deleted, notice(true, 1)]).pending).toBe(1);
    expect(run([...deleted, notice(true)]).pending).toBe(0);
    expect(label([...deleted, notice(true)])).toBe("Saved");
  });
});

describe("refusals at connect", () => {
  it("retries when the database was away or too many sign-ins were in flight, and says No access otherwise", () => {
    expect(isRetryableRefusal(STORAGE_UNAVAILABLE.reason)).toBe(true);
    expect(isRetryableRefusal("rate-limited")).toBe(true);
    for (const reason of ["unauthorized", "not-found", "permission-denied", "cross-origin", "too-many-connections", undefined]) expect(isRetryableRefusal(reason)).toBe(false);
  });
});
