import { onAnnotationEventAnywhere, type AnnotationEvent, type AnnotationEventType } from "../annotations/events";
import { can } from "../policies";
import type { GroupViewer } from "../policies/viewer";
import { groupIdOfDocument } from "../queries/system/recipients";
import { queueCounts, queueItemState } from "../queries/moderation";
import { findMembership } from "../queries/memberships";
import { componentLogger, errorFields } from "../log";

export type QueueCounts = Awaited<ReturnType<typeof queueCounts>>;

/** What changed in a group's queue, as one moderator may know it, and the counts after it. */
export type QueueChange = { events: { type: AnnotationEventType; annotationId: string }[]; counts: QueueCounts };

// Documents never change group: remember which group each one is in, so events from other
// groups cost no query per open stream. Bounded so a long-lived process cannot grow it forever.
const groupOfDocument = new Map<string, string | null>();
async function documentGroup(documentId: string) {
  if (!groupOfDocument.has(documentId)) {
    if (groupOfDocument.size > 10_000) groupOfDocument.clear();
    groupOfDocument.set(documentId, await groupIdOfDocument(documentId));
  }
  return groupOfDocument.get(documentId);
}

/**
 * Whether the event changes the queue as this moderator sees it: the item is or was visible to
 * them and is or was in the queue (not approved, or flagged), or it is a decision, a flag or a
 * lock. Other people's private notes never count, so their existence does not leak.
 */
async function concernsQueue(event: AnnotationEvent, viewer: GroupViewer) {
  if ((await documentGroup(event.documentId)) !== viewer.groupId) return false;
  const item = await queueItemState(viewer, event.annotationId, event.before ? { ...event.before, deletedAt: null } : null);
  if (!item) return false;
  if (event.type === "annotation.moderated" || event.type === "annotation.flagged") return true;
  const before = event.before ?? null;
  const lockChanged = before !== null && (before.locked ?? false) !== item.locked;
  return lockChanged || item.status !== "approved" || item.openFlags > 0 || (before !== null && before.status !== "approved");
}

/**
 * Watches a group's moderation queue for one moderator, across instances: calls `onChange` with
 * the fresh counts after each burst of changes (coalesced, so a bulk decision is one message),
 * and `onEnd` once the moderator has lost the right to read the queue. Returns the unsubscribe.
 */
export function watchModerationQueue(opts: {
  viewer: GroupViewer;
  onChange: (change: QueueChange) => void;
  onEnd: () => void;
  coalesceMs?: number;
  logger?: (message: string, error?: unknown) => void;
}): () => void {
  const log = opts.logger ?? ((message: string, error?: unknown) => componentLogger("moderation").error(errorFields(error), message));
  let viewer = opts.viewer;
  let waiting: QueueChange["events"] = [];
  let timer: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();
  let stopped = false;

  const flush = async () => {
    timer = undefined;
    const events = waiting;
    waiting = [];
    const membership = await findMembership(viewer.groupId, viewer.userId);
    if (stopped) return;
    if (!can(membership, "moderation.read")) {
      stop();
      return opts.onEnd();
    }
    viewer = { ...viewer, membership };
    const counts = await queueCounts(viewer);
    if (!stopped) opts.onChange({ events, counts });
  };

  const unsubscribe = onAnnotationEventAnywhere((event) => {
    // One at a time, in order: a burst of events is checked against the database sequentially.
    chain = chain
      .then(async () => {
        if (stopped || !(await concernsQueue(event, viewer))) return;
        waiting.push({ type: event.type, annotationId: event.annotationId });
        timer ??= setTimeout(() => void flush().catch((e) => log("counting the moderation queue failed", e)), opts.coalesceMs ?? 150);
      })
      .catch((error) => log(`checking ${event.type} for the moderation queue failed`, error));
  });

  function stop() {
    stopped = true;
    clearTimeout(timer);
    unsubscribe();
  }
  return stop;
}
