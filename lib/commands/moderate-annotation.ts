import "server-only";
import { publishAnnotationEvents, type AnnotationEvent } from "../annotations/events";
import { db, type Tx } from "../db";
import { ConflictError } from "../errors";
import type { ModerationAction, ModerationStatus } from "../generated/prisma/enums";
import { authorize } from "../policies";
import type { AnnotationFacts } from "../policies/annotations";
import { annotationInclude } from "../queries/annotations";
import { loadAnnotationForViewer } from "../queries/moderation";
import { moderationInput } from "../validation/moderation";
import { parseInput } from "../validation/parse";
import notifyDiscussion from "./notify-discussion";
import { componentLogger, errorFields } from "../log";

type Decided = AnnotationFacts & { id: string; documentId: string; groupId: string; threadId: string | null; updatedAt: Date };

/**
 * The log's name for a decision. Restore is a way back from hidden or spam; sending an
 * approved item back to pending takes it out of everyone's sight, so it is logged as a hide.
 */
export function moderationActionFor(from: ModerationStatus, to: ModerationStatus): ModerationAction {
  const decided = from === "hidden" || from === "spam";
  if (to === "hidden") return "hide";
  if (to === "spam") return "spam";
  if (to === "approved") return decided ? "restore" : "approve";
  return decided ? "restore" : "hide";
}

/**
 * One decision inside the caller's transaction: the status change, its log row, the
 * resolution of open flags and of moderators' notices about the item, or nothing at all. Approving an approved item that has open
 * flags is a decision too ("keep it"): the flags are dismissed and the log says so.
 * Returns false when there was nothing to decide.
 */
export async function applyModeration(tx: Tx, opts: { actorId: string; item: Decided; status: ModerationStatus; note?: string; at: Date }) {
  const { item, status } = opts;
  const openFlags = await tx.flag.count({ where: { annotationId: item.id, resolvedAt: null } });
  if (item.status === status && openFlags === 0) return false;
  const { count } = await tx.annotation.updateMany({
    where: { id: item.id, status: item.status, deletedAt: null },
    // A decision is not an edit: `modified` keeps saying when the author last changed their words.
    data: { status, version: { increment: 1 }, updatedAt: item.updatedAt },
  });
  if (count === 0) throw new ConflictError("Someone changed this item meanwhile; reload and decide again", "moderation_conflict");
  await tx.flag.updateMany({ where: { annotationId: item.id, resolvedAt: null }, data: { resolvedAt: opts.at } });
  // Once one moderator has decided, the others' notices about the item are no longer work to do.
  await tx.notification.updateMany({ where: { annotationId: item.id, kind: { in: ["flag", "pending"] }, readAt: null }, data: { readAt: opts.at } });
  await tx.moderationLogEntry.create({
    data: {
      groupId: item.groupId,
      actorId: opts.actorId,
      action: moderationActionFor(item.status, status),
      annotationId: item.id,
      subjectUserId: item.authorId,
      from: item.status,
      to: status,
      note: opts.note || null,
      createdAt: opts.at,
    },
  });
  return true;
}

/**
 * Live-page events for decided items: the item, and for a thread's top-level annotation its
 * replies too, whose visibility follows the thread's. `before` is what readers saw.
 */
export async function moderationEvents(items: Decided[]): Promise<AnnotationEvent[]> {
  const roots = items.filter((i) => i.threadId === null);
  const replies = roots.length
    ? await db().annotation.findMany({ where: { threadId: { in: roots.map((r) => r.id) }, deletedAt: null }, select: { id: true, threadId: true, authorId: true, visibility: true, status: true } })
    : [];
  const rootsById = new Map(roots.map((r) => [r.id, r]));
  const facts = (i: Decided): AnnotationFacts => ({ authorId: i.authorId, visibility: i.visibility, status: i.status, locked: i.locked, thread: i.thread ?? null });
  return [
    ...items.map((i) => ({ type: "annotation.moderated" as const, documentId: i.documentId, annotationId: i.id, before: facts(i) })),
    ...replies.map((r) => {
      const root = rootsById.get(r.threadId!)!;
      return { type: "annotation.moderated" as const, documentId: root.documentId, annotationId: r.id, before: { ...r, thread: facts(root) } };
    }),
  ];
}

/**
 * After the commit: live pages hear of every decided item, and an item that has just become
 * visible to the group tells the people it mentions or answers, as a new post would have.
 * The decision stands whatever happens here, so a failure to notify is logged, not thrown.
 */
export async function announceDecisions(items: Decided[], status: ModerationStatus) {
  publishAnnotationEvents(await moderationEvents(items));
  if (status !== "approved") return;
  for (const item of items.filter((i) => i.status !== "approved")) {
    await notifyDiscussion({ annotationId: item.id }).catch((error) => componentLogger("notifications").error({ annotationId: item.id, ...errorFields(error) }, "notifying about an annotation failed"));
  }
}

/**
 * A moderator sets an annotation's status (approved, pending, hidden, spam), with an optional
 * note for the log. Invisible items are 404; members without the right get 403.
 */
export default async function moderateAnnotation(opts: { actorId: string; annotationId: string; input: unknown }) {
  const input = parseInput(moderationInput, opts.input);
  const { annotation, viewer } = await loadAnnotationForViewer(opts.annotationId, opts.actorId);
  authorize(viewer.membership, "annotation.moderate");
  const { changed, row } = await db().$transaction(async (tx) => {
    const changed = await applyModeration(tx, { actorId: opts.actorId, item: annotation, status: input.status, note: input.note, at: new Date() });
    return { changed, row: await tx.annotation.findUniqueOrThrow({ where: { id: annotation.id }, include: annotationInclude }) };
  });
  if (changed) await announceDecisions([annotation], input.status);
  return { annotation: row, viewer, changed };
}
