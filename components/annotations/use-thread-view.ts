"use client";

import { useCallback, useEffect, useMemo, useRef } from "react";
import type { Anchor } from "@/lib/anchoring/anchors";
import { decodeAnchor } from "./anchor-bytes";
import type { AnchorTracker, TrackedTarget, TrackerSnapshot } from "./anchor-tracker";
import { filterThreads, type ThreadFilters } from "./filters";
import { buildThreads, facets, type Note, type Thread } from "./model";

export const DRAFT_ID = "draft";

type Options = {
  notes: ReadonlyMap<string, Note>;
  snapshot: TrackerSnapshot;
  tracker: AnchorTracker;
  filters: ThreadFilters;
  userId: string;
  /** The anchor of a note being written, drawn like the others. */
  draftAnchor: Anchor | null;
  /** Resolved threads are folded away (and their highlights undrawn) unless shown. */
  showResolved: boolean;
};

/**
 * Threads as the margin shows them: which pass the filters, which sit on the text (in the order
 * of their words) and which are orphaned, with the words each is on now. Also tells the tracker
 * what to draw: every thread with an anchor (filtered-out ones undrawn) and the draft.
 */
export function useThreadView({ notes, snapshot, tracker, filters, userId, draftAnchor, showResolved }: Options) {
  const threads = useMemo(() => buildThreads(notes), [notes]);
  const lastQuotes = useRef(new Map<string, string>());
  useEffect(() => {
    for (const [id, range] of snapshot.ranges) lastQuotes.current.set(id, range.exact);
  }, [snapshot]);

  /** The words a thread is on now, else the last ones seen here, else the stored quote. */
  const quoteOf = useCallback(
    (id: string) => snapshot.ranges.get(id)?.exact ?? lastQuotes.current.get(id) ?? notes.get(id)?.quote?.exact,
    [snapshot, notes],
  );
  const shown = useMemo(() => filterThreads(threads, filters, { viewerId: userId, quoteOf }), [threads, filters, userId, quoteOf]);
  // Keyed by content: `shown` is rebuilt whenever the text moves, the set of ids rarely changes.
  const shownKey = shown.map((t) => t.root.id).join(" ");
  const shownIds = useMemo(() => new Set(shownKey.split(" ")), [shownKey]);

  const isOrphan = useCallback(
    (thread: Thread) => (snapshot.live ? !snapshot.ranges.has(thread.root.id) : thread.root.orphaned || !thread.root.anchor),
    [snapshot],
  );
  const startOf = useCallback((thread: Thread) => snapshot.ranges.get(thread.root.id)?.start ?? thread.root.position?.start ?? 0, [snapshot]);
  const placed = useMemo(() => shown.filter((t) => !isOrphan(t)).sort((a, b) => startOf(a) - startOf(b)), [shown, isOrphan, startOf]);
  const orphans = useMemo(() => shown.filter(isOrphan), [shown, isOrphan]);
  const { authors, tags } = useMemo(() => facets(threads), [threads]);

  useEffect(() => {
    const targets: TrackedTarget[] = [];
    for (const { root } of threads) {
      const anchor = root.anchor && decodeAnchor(root.anchor);
      if (!anchor) continue;
      targets.push({
        id: root.id,
        anchor,
        mine: root.author.id === userId,
        private: root.visibility === "private",
        pending: root.status !== "approved",
        shown: shownIds.has(root.id) && (showResolved || !root.resolved),
      });
    }
    if (draftAnchor) targets.push({ id: DRAFT_ID, anchor: draftAnchor, mine: true, private: false, pending: true, shown: true });
    tracker.setTargets(targets);
  }, [threads, shownIds, draftAnchor, tracker, userId, showResolved]);

  return { threads, placed, orphans, filtering: shown.length !== threads.length, quoteOf, authors, tags };
}
