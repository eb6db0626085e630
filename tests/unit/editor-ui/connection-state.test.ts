import { describe, expect, it } from "vitest";
import {
  changesWaiting,
  describeConnection,
  initialConnectionState,
  isSavedMessage,
  parseStatelessMessage,
  reduceConnection,
  type ConnectionEvent,
  type ConnectionState,
} from "../../../components/editor/connection-state";

const connected: ConnectionEvent[] = [{ type: "status", status: "connected" }, { type: "synced" }];
const edit: ConnectionEvent = { type: "localChange" };
const saved: ConnectionEvent = { type: "saved", unacknowledged: 0 };
const drop: ConnectionEvent = { type: "status", status: "disconnected" };

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

  it("is Saving… after a local edit until the server's saved message", () => {
    expect(label([...connected, edit])).toBe("Saving…");
    expect(label([...connected, edit, edit, saved])).toBe("Saved");
  });

  it("only says Saved when the saved message came after the latest edit", () => {
    expect(label([...connected, edit, saved, edit])).toBe("Saving…");
    expect(label([...connected, edit, saved, edit, saved])).toBe("Saved");
  });

  it("ignores a saved message that overtook updates the server has not applied yet", () => {
    expect(label([...connected, edit, edit, { type: "saved", unacknowledged: 1 }])).toBe("Saving…");
    expect(label([...connected, edit, edit, { type: "saved", unacknowledged: 1 }, saved])).toBe("Saved");
  });

  it("says Reconnecting… after a drop with nothing waiting", () => {
    expect(label([...connected, drop])).toBe("Reconnecting…");
    expect(label([...connected, drop, { type: "status", status: "connecting" }])).toBe("Reconnecting…");
    expect(label([...connected, drop, { type: "status", status: "connected" }])).toBe("Reconnecting…");
    expect(label([...connected, drop, ...connected])).toBe("Saved");
  });

  it("counts changes made while offline and keeps counting unsaved ones from before the drop", () => {
    expect(label([...connected, drop, edit])).toBe("Offline — 1 change waiting");
    expect(label([...connected, edit, drop, edit, edit])).toBe("Offline — 3 changes waiting");
  });

  it("goes back to Saving… on reconnect, then Saved once the server stored them", () => {
    const offline = [...connected, drop, edit, edit];
    expect(label([...offline, ...connected])).toBe("Saving…");
    expect(label([...offline, ...connected, saved])).toBe("Saved");
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
});
