import { onAnnotationEventAnywhere, type AnnotationEvent, type AnnotationEventType } from "../annotations/events";
import { db } from "../db";
import { can } from "../policies";
import { isAnnotationVisibleTo, type AnnotationFacts, type Viewer } from "../policies/annotations";
import { queueCounts } from "../queries/moderation";
import { findMembership } from "../queries/memberships";
import { componentLogger, errorFields } from "../log";

export type QueueCounts = Awaited<ReturnType<typeof queueCounts>>;

/** What changed in a group's queue, as one moderator may know it, and the counts after it. */
export type QueueChange = { events: { type: AnnotationEventType; annotationId: string }[]; counts: QueueCounts };

const factsSelect = { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } as const;

// Documents never change group: remember which group each one is in, so events from other
// groups cost no query per open stream. Bounded so a long-lived process cannot grow it forever.
const groupOfDocument = new Map<string, string | null>();
async function documentGroup(documentId: string) {
  if (!groupOfDocument.has(documentId)) {
    if (groupOfDocument.size > 10_000) groupOfDocument.clear();
    const row = await db().document.findUnique({ where: { id: documentId }, select: { groupId: true } });
    groupOfDocument.set(documentId, row?.groupId ?? null);
  }
  return groupOfDocument.get(documentId);
}

/**
 * Whether the event changes the queue as this moderator sees it: the item is or was visible to
 * them and is or was in the queue (not approved, or flagged), or it is a decision, a flag or a
 * lock. Other people's private notes never count, so their existence does not leak.
 */
async function concernsQueue(event: AnnotationEvent, groupId: string, viewer: Viewer) {
  if ((await documentGroup(event.documentId)) !== groupId) return false;
  const row = await db().annotation.findUnique({
    where: { id: event.annotationId },
    select: { ...factsSelect, groupId: true, thread: { select: factsSelect }, _count: { select: { flags: { where: { resolvedAt: null } } } } },
  });
  if (!row || row.groupId !== groupId) return false;
  const before = event.before ? { ...event.before, deletedAt: null } : null;
  const visibleNow = isAnnotationVisibleTo(viewer, row as AnnotationFacts);
  if (!visibleNow && !(before && isAnnotationVisibleTo(viewer, before))) return false;
  if (event.type === "annotation.moderated" || event.type === "annotation.flagged") return true;
  const lockChanged = before !== null && (before.locked ?? false) !== row.locked;
  return lockChanged || row.status !== "approved" || row._count.flags > 0 || (before !== null && before.status !== "approved");
}

/**
 * Watches a group's moderation queue for one moderator, across instances: calls `onChange` with
 * the fresh counts after each burst of changes (coalesced, so a bulk decision is one message),
 * and `onEnd` once the moderator has lost the right to read the queue. Returns the unsubscribe.
 */
export function watchModerationQueue(opts: {
  groupId: string;
  viewer: Viewer;
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
    const membership = await findMembership(opts.groupId, viewer.userId);
    if (stopped) return;
    if (!can(membership, "moderation.read")) {
      stop();
      return opts.onEnd();
    }
    viewer = { userId: viewer.userId, membership };
    const counts = await queueCounts(opts.groupId, viewer);
    if (!stopped) opts.onChange({ events, counts });
  };

  const unsubscribe = onAnnotationEventAnywhere((event) => {
    // One at a time, in order: a burst of events is checked against the database sequentially.
    chain = chain
      .then(async () => {
        if (stopped || !(await concernsQueue(event, opts.groupId, viewer))) return;
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
