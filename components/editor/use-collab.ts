"use client";

import { useCallback, useEffect, useReducer, useRef, useState, useSyncExternalStore } from "react";
import { HocuspocusProvider, WebSocketStatus } from "@hocuspocus/provider";
import * as Y from "yjs";
import { CLOSE } from "@/lib/collab/messages";
import {
  initialConnectionState,
  isRetryableRefusal,
  isSavedMessage,
  parseStatelessMessage,
  reduceConnection,
  savedClock,
  type ConnectionEvent,
  type ConnectionState,
  type SocketStatus,
  type StatelessMessage,
} from "./connection-state";
import { peopleFromAwareness, presenceSignature, type Person } from "./presence";

/** ws(s)://<this host>/collab: the collaboration server shares the app's origin and session cookie. */
export function defaultCollabUrl(): string {
  return `${location.protocol === "https:" ? "wss" : "ws"}://${location.host}/collab`;
}

/**
 * One Hocuspocus provider per mounted document. Built in an effect and kept in state: a useMemo
 * provider is destroyed by StrictMode's double effect run and comes back with empty awareness.
 */
export function useCollabProvider(documentId: string, collabUrl?: string): HocuspocusProvider | null {
  const [provider, setProvider] = useState<HocuspocusProvider | null>(null);
  useEffect(() => {
    const next = new HocuspocusProvider({
      url: collabUrl ?? defaultCollabUrl(),
      name: documentId,
      // The server authenticates by the session cookie sent with the upgrade; the field must still be a string.
      token: "",
    });
    setProvider(next);
    return () => {
      next.destroy();
      setProvider((current) => (current === next ? null : current));
    };
  }, [documentId, collabUrl]);
  return provider;
}

function socketStatus(status: WebSocketStatus): SocketStatus {
  if (status === WebSocketStatus.Connected) return "connected";
  if (status === WebSocketStatus.Connecting) return "connecting";
  return "disconnected";
}

/**
 * Whether the provider's count of unacknowledged updates (`unsyncedChanges`) can be believed.
 * @hocuspocus/provider resets it to 1 when a new socket sends its sync step 1 and only then
 * sends the updates it queued while offline, so right after a reconnect the count says nothing
 * about edits made before it. From each new socket until the server's "saved" notices cover
 * our Yjs clock as it was when that socket opened (`awaiting`), with `complete` (our sync step
 * 2 and every later update stored), the count is reported as at least 1: until then only the
 * stored clock can show "Saved" (deletions, which carry no clock, keep "Saving…").
 */
export type AckCounterTrust = {
  /** Our clock when the current socket opened; null once a notice covered it (the count is believed). */
  awaiting: number | null;
  /** The highest clock of ours the server called stored since that socket opened. */
  stored: number;
};

export const trustedAckCounter: AckCounterTrust = { awaiting: null, stored: 0 };

/** A new socket opened (the provider is about to reset its count); `clock` is our Yjs clock now. */
export function ackCounterOnOpen(clock: number): AckCounterTrust {
  return { awaiting: clock, stored: 0 };
}

/**
 * A "saved" notice arrived (`clock`: ours in it, see savedClock): the trust after it, and the
 * count of unacknowledged updates to report with it (`count`: the provider's).
 */
export function ackCounterOnSaved(trust: AckCounterTrust, notice: { clock: number | null; complete: boolean }, count: number): { trust: AckCounterTrust; unacknowledged: number } {
  if (trust.awaiting === null) return { trust, unacknowledged: count };
  const stored = notice.clock === null ? trust.stored : Math.max(trust.stored, notice.clock);
  if (notice.complete && stored >= trust.awaiting) return { trust: trustedAckCounter, unacknowledged: count };
  return { trust: { awaiting: trust.awaiting, stored }, unacknowledged: Math.max(1, count) };
}

/** Longest wait between two reconnects while the server's storage is unavailable. */
const MAX_RETRY_MS = 4000;

type HookEvent = ConnectionEvent | { type: "reset" };

function reduceHook(state: ConnectionState, event: HookEvent): ConnectionState {
  return event.type === "reset" ? initialConnectionState : reduceConnection(state, event);
}

/** The connection state machine fed by the provider, the Y.Doc and the browser's online flag. */
export function useConnectionState(
  provider: HocuspocusProvider | null,
  onStatelessMessage?: (message: StatelessMessage) => void,
): ConnectionState {
  const [state, dispatch] = useReducer(reduceHook, initialConnectionState);
  const ackTrust = useRef<AckCounterTrust>(trustedAckCounter);
  const onMessage = useRef(onStatelessMessage);
  useEffect(() => {
    onMessage.current = onStatelessMessage;
  }, [onStatelessMessage]);

  useEffect(() => {
    if (!provider) return;
    const reconnect = provider.configuration.websocketProvider.configuration;
    const baseDelay = reconnect.delay;
    let refusals = 0;
    const onStatus = ({ status }: { status: WebSocketStatus }) => dispatch({ type: "status", status: socketStatus(status) });
    const onSynced = ({ state: synced }: { state: boolean }) => {
      if (!synced) return;
      refusals = 0;
      reconnect.delay = baseDelay;
      dispatch({ type: "synced" });
    };
    const onAuthenticated = ({ scope }: { scope: "read-write" | "readonly" }) => dispatch({ type: "authenticated", scope });
    // Storage away: reconnect with a growing, jittered delay (at most a few seconds, so editing resumes soon after it returns).
    const onUnavailable = () => {
      refusals++;
      reconnect.delay = Math.round(Math.min(baseDelay * 2 ** (refusals - 1), MAX_RETRY_MS) * (0.5 + Math.random() / 2));
      dispatch({ type: "unavailable" });
    };
    const onAuthenticationFailed = ({ reason }: { reason?: string }) => {
      if (isRetryableRefusal(reason)) {
        // Should the refusal arrive as a permission denial with the socket left open, close it so the provider retries.
        onUnavailable();
        provider.configuration.websocketProvider.webSocket?.close();
        return;
      }
      dispatch({ type: "authenticationFailed" });
    };
    // A deleted document: say so and stop reconnecting (the server would refuse it as unknown).
    const onClose = ({ event }: { event: { code?: number; reason?: string } }) => {
      if (event.code === CLOSE.storageFailed.code) return onUnavailable();
      if (event.code !== CLOSE.documentDeleted.code && event.reason !== CLOSE.documentDeleted.reason) return;
      dispatch({ type: "deleted" });
      provider.disconnect();
    };
    const onOpen = () => {
      ackTrust.current = ackCounterOnOpen(Y.getState(provider.document.store, provider.document.clientID));
    };
    const onStateless = ({ payload }: { payload: string }) => {
      const message = parseStatelessMessage(payload);
      if (!message) return;
      if (!isSavedMessage(message)) return onMessage.current?.(message);
      const clock = savedClock(message, provider.document.clientID);
      const complete = message.complete === true;
      // The ack counter is read now: the server acknowledges an update before any "saved" that
      // could cover it. Right after a reconnect it is not believed (see AckCounterTrust).
      const { trust, unacknowledged } = ackCounterOnSaved(ackTrust.current, { clock, complete }, provider.unsyncedChanges);
      ackTrust.current = trust;
      dispatch({ type: "saved", unacknowledged, clock, complete });
    };
    const onUpdate = (_update: Uint8Array, origin: unknown) => {
      if (origin !== provider) dispatch({ type: "localChange", clock: Y.getState(provider.document.store, provider.document.clientID) });
    };
    const onOnline = () => dispatch({ type: "online" });
    const onOffline = () => dispatch({ type: "offline" });

    provider.on("open", onOpen);
    provider.on("status", onStatus);
    provider.on("synced", onSynced);
    provider.on("authenticated", onAuthenticated);
    provider.on("authenticationFailed", onAuthenticationFailed);
    provider.on("close", onClose);
    provider.on("stateless", onStateless);
    provider.document.on("update", onUpdate);
    window.addEventListener("online", onOnline);
    window.addEventListener("offline", onOffline);

    // Events that fired between creating the provider and this effect.
    dispatch({ type: navigator.onLine ? "online" : "offline" });
    onStatus({ status: provider.configuration.websocketProvider.status });
    if (provider.authorizedScope) onAuthenticated({ scope: provider.authorizedScope });
    if (provider.isSynced) dispatch({ type: "synced" });

    return () => {
      provider.off("open", onOpen);
      provider.off("status", onStatus);
      provider.off("synced", onSynced);
      provider.off("authenticated", onAuthenticated);
      provider.off("authenticationFailed", onAuthenticationFailed);
      provider.off("close", onClose);
      provider.off("stateless", onStateless);
      provider.document.off("update", onUpdate);
      reconnect.delay = baseDelay;
      window.removeEventListener("online", onOnline);
      window.removeEventListener("offline", onOffline);
      // A new provider is a new connection: start again from "Connecting…".
      ackTrust.current = trustedAckCounter;
      dispatch({ type: "reset" });
    };
  }, [provider]);

  return state;
}

const noPeople: Person[] = [];

/** Who is here, from the provider's awareness; re-renders only when the visible list changes. */
export function usePresence(provider: HocuspocusProvider | null, userId: string): Person[] {
  const cache = useRef<{ signature: string; people: Person[] }>({ signature: "", people: noPeople });
  const subscribe = useCallback(
    (onChange: () => void) => {
      const awareness = provider?.awareness;
      if (!awareness) return () => {};
      awareness.on("change", onChange);
      return () => awareness.off("change", onChange);
    },
    [provider],
  );
  const getSnapshot = useCallback(() => {
    const awareness = provider?.awareness;
    if (!awareness) return noPeople;
    const people = peopleFromAwareness(awareness.getStates() as Map<number, Record<string, unknown>>, {
      clientId: awareness.clientID,
      userId,
    });
    const signature = presenceSignature(people);
    if (signature !== cache.current.signature) cache.current = { signature, people };
    return cache.current.people;
  }, [provider, userId]);
  return useSyncExternalStore(subscribe, getSnapshot, () => noPeople);
}
