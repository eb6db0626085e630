"use client";

import { useEffect, useRef, useState } from "react";

export type QueueCounts = { open: number; pending: number; flagged: number; hidden: number; spam: number };
export type LiveStatus = "connecting" | "live" | "reconnecting" | "polling";

/** How often the queue is polled when the event stream cannot be reached. */
export const POLL_MS = 15_000;
/** Failed attempts in a row (no `ready` between them) before we give up on the stream and poll. */
const MAX_FAILURES = 3;
/** While polling, how long before trying the stream again. */
const RETRY_STREAM_MS = 120_000;

/**
 * Follows a group's moderation queue: the server's event stream when it can, else polling the
 * queue API. `onCounts(counts, changed)` gets every fresh set of counts; `changed` says the
 * queue itself changed (an event), not merely that the counts were (re)read.
 */
export function useQueueEvents(groupId: string, onCounts: (counts: QueueCounts, changed: boolean) => void): LiveStatus {
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const handler = useRef(onCounts);
  useEffect(() => {
    handler.current = onCounts;
  }, [onCounts]);

  useEffect(() => {
    const base = `/api/v1/groups/${groupId}/moderation`;
    let source: EventSource | null = null;
    let poll: number | undefined;
    let retry: number | undefined;
    let failures = 0;

    const read = (event: Event) => JSON.parse((event as MessageEvent<string>).data) as { counts: QueueCounts };

    const connect = () => {
      clearInterval(poll);
      source = new EventSource(`${base}/events`);
      source.addEventListener("ready", (event) => {
        failures = 0;
        setStatus("live");
        handler.current(read(event).counts, false);
      });
      source.addEventListener("queue", (event) => handler.current(read(event).counts, true));
      source.onerror = () => {
        // The browser reconnects by itself unless the answer was not a stream (401, 403, 404…).
        if (source?.readyState === EventSource.CLOSED || ++failures >= MAX_FAILURES) startPolling();
        else setStatus("reconnecting");
      };
    };

    const tick = async () => {
      try {
        const response = await fetch(`${base}/queue?limit=1`, { cache: "no-store", headers: { accept: "application/json" } });
        if (response.ok) handler.current(((await response.json()) as { counts: QueueCounts }).counts, false);
      } catch {
        // Offline for a moment: the next tick tries again.
      }
    };

    const startPolling = () => {
      source?.close();
      source = null;
      setStatus("polling");
      void tick();
      poll = window.setInterval(() => void tick(), POLL_MS);
      retry = window.setTimeout(() => {
        failures = 0;
        connect();
      }, RETRY_STREAM_MS);
    };

    connect();
    return () => {
      source?.close();
      clearInterval(poll);
      clearTimeout(retry);
    };
  }, [groupId]);

  return status;
}
