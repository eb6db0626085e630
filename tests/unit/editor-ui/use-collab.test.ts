import { describe, expect, it } from "vitest";
import { describeConnection, initialConnectionState, reduceConnection, type ConnectionEvent, type ConnectionState } from "../../../components/editor/connection-state";
import { ackCounterOnOpen, ackCounterOnSaved, trustedAckCounter, type AckCounterTrust } from "../../../components/editor/use-collab";

/**
 * What useConnectionState does with the provider's events, without React: `open` is a new
 * socket (our Yjs clock then), `notice` the server's "saved" message read with the provider's
 * count of unacknowledged updates at that moment.
 */
type Step = ConnectionEvent | { type: "open"; clock: number } | { type: "notice"; clock: number | null; complete: boolean; providerCount: number };

function run(steps: Step[]): { state: ConnectionState; trust: AckCounterTrust } {
  let state = initialConnectionState;
  let trust = trustedAckCounter;
  for (const step of steps) {
    if (step.type === "open") {
      trust = ackCounterOnOpen(step.clock);
    } else if (step.type === "notice") {
      const next = ackCounterOnSaved(trust, { clock: step.clock, complete: step.complete }, step.providerCount);
      trust = next.trust;
      state = reduceConnection(state, { type: "saved", unacknowledged: next.unacknowledged, clock: step.clock, complete: step.complete });
    } else {
      state = reduceConnection(state, step);
    }
  }
  return { state, trust };
}

const label = (steps: Step[]) => describeConnection(run(steps).state, { canEdit: true }).label;
const connect = (clock: number): Step[] => [{ type: "open", clock }, { type: "status", status: "connected" }, { type: "synced" }];
const drop: Step = { type: "status", status: "disconnected" };
const typed = (clock: number): Step => ({ type: "localChange", clock });
const notice = (clock: number | null, complete: boolean, providerCount: number): Step => ({ type: "notice", clock, complete, providerCount });

describe("the provider's ack count after a (re)connect", () => {
  it("is passed through while believed", () => {
    expect(ackCounterOnSaved(trustedAckCounter, { clock: 3, complete: false }, 0)).toEqual({ trust: trustedAckCounter, unacknowledged: 0 });
    expect(ackCounterOnSaved(trustedAckCounter, { clock: null, complete: true }, 2).unacknowledged).toBe(2);
  });

  it("counts as at least 1 from a new socket until a complete notice covers our clock at the time it opened", () => {
    let trust = ackCounterOnOpen(7);
    let next = ackCounterOnSaved(trust, { clock: 5, complete: true }, 0);
    expect(next.unacknowledged).toBe(1);
    trust = next.trust;
    // Covered, but not complete: the step-1 reply tells what was stored before this socket.
    next = ackCounterOnSaved(trust, { clock: 7, complete: false }, 0);
    expect(next.unacknowledged).toBe(1);
    expect(next.trust).toEqual({ awaiting: 7, stored: 7 });
    // Complete, and an earlier notice already covered the clock (this one names no clock of ours).
    next = ackCounterOnSaved(next.trust, { clock: null, complete: true }, 0);
    expect(next).toEqual({ trust: trustedAckCounter, unacknowledged: 0 });
  });

  it("believes the count at once when we had inserted nothing before the socket opened", () => {
    expect(ackCounterOnSaved(ackCounterOnOpen(0), { clock: null, complete: true }, 0)).toEqual({ trust: trustedAckCounter, unacknowledged: 0 });
  });

  it("never reports fewer unacknowledged updates than the provider counts", () => {
    expect(ackCounterOnSaved(ackCounterOnOpen(4), { clock: 1, complete: false }, 3).unacknowledged).toBe(3);
  });
});

describe("the badge across a reconnect", () => {
  it("does not say Saved on a complete notice that overtook our offline inserts, though the reset count reads 0", () => {
    const offline = [...connect(0), typed(3), notice(3, true, 0), drop, typed(7)];
    expect(label(offline)).toBe("Offline — 1 change waiting");
    // Provider 4.8: count reset to 1 at sync step 1, its step 2 acknowledged → 0, while the
    // queued insert (our clock 7) is still on its way; a "complete" for what is stored so far arrives.
    expect(label([...offline, ...connect(7), notice(5, true, 0)])).toBe("Saving…");
    expect(label([...offline, ...connect(7), notice(5, true, 0), notice(7, true, 0)])).toBe("Saved");
  });

  it("keeps a deletion made offline Saving… until the server's complete notice after the reconnect", () => {
    // Typed and saved up to 5, then deleted offline: no clock of ours can prove the deletion.
    const offline = [...connect(0), typed(5), notice(5, true, 0), drop, typed(5)];
    const reconnected = [...offline, ...connect(5)];
    // The reply to our sync step 1: what was stored before this socket (not complete).
    expect(label([...reconnected, notice(5, false, 0)])).toBe("Saving…");
    // Complete after our sync step 2 (which carried the deletion) is stored.
    expect(label([...reconnected, notice(5, false, 0), notice(null, true, 0)])).toBe("Saved");
    expect(run([...reconnected, notice(5, false, 0), notice(null, true, 0)]).trust).toEqual(trustedAckCounter);
  });

  it("after the count is believed again, deletions are proved by complete with nothing unacknowledged, as before", () => {
    const steps = [...connect(0), typed(4), notice(4, true, 0), typed(4)];
    expect(label(steps)).toBe("Saving…");
    expect(label([...steps, notice(null, true, 1)])).toBe("Saving…");
    expect(label([...steps, notice(null, true, 0)])).toBe("Saved");
  });
});
