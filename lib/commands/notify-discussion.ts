import "server-only";
import { findMentions } from "../annotations/mentions";
import { db } from "../db";
import { isAnnotationVisibleTo } from "../policies/annotations";
import { viewerFor } from "../policies/viewer";
import { postersAmong } from "../queries/system/recipients";

type Kind = "mention" | "reply" | "activity";
// One entry per person and item: being mentioned says more than a reply, a reply more than activity.
const RANK: Record<Kind, number> = { mention: 3, reply: 2, activity: 1 };

/**
 * Tells people about a post they may see: members it @mentions, the authors of what it replies
 * to (the parent and the thread's first post), and followers of the document for a new thread.
 * Everyone is checked against the read policy as they are now, so a private, pending or
 * hidden-until-posted item notifies nobody who could not open it; call again when a pending
 * post is approved. Never notifies the author; never twice for the same item.
 */
export default async function notifyDiscussion(opts: { annotationId: string }) {
  const item = await db().annotation.findUnique({
    where: { id: opts.annotationId },
    include: {
      thread: { select: { authorId: true, visibility: true, status: true, locked: true, deletedAt: true } },
      parent: { select: { authorId: true } },
      document: { select: { id: true, hideUntilPosted: true, follows: { select: { userId: true } } } },
      group: { select: { anonymousToPeers: true } },
    },
  });
  if (!item || item.deletedAt) return { count: 0 };
  const members = await db().membership.findMany({ where: { groupId: item.groupId }, include: { user: { select: { id: true, name: true } } } });
  const wanted = new Map<string, Kind>();
  const want = (userId: string | undefined, kind: Kind) => {
    if (!userId || userId === item.authorId) return;
    if (RANK[kind] > RANK[wanted.get(userId) ?? "activity"] || !wanted.has(userId)) wanted.set(userId, kind);
  };
  if (!item.threadId) item.document.follows.forEach((f) => want(f.userId, "activity"));
  if (item.parent) {
    want(item.parent.authorId, "reply");
    want(item.thread?.authorId, "reply");
  }
  findMentions(item.body, members.map((m) => m.user)).forEach((m) => want(m.id, "mention"));
  if (wanted.size === 0) return { count: 0 };

  const posted = item.document.hideUntilPosted ? await postersAmong(item.documentId, [...wanted.keys()]) : new Set<string>();
  const recipients = [...wanted].filter(([userId]) => {
    const membership = members.find((m) => m.userId === userId) ?? null;
    const document = { hideUntilPosted: item.document.hideUntilPosted, posted: posted.has(userId) };
    return isAnnotationVisibleTo(viewerFor({ userId, groupId: item.groupId, membership, group: item.group, document }), item);
  });
  const already = new Set(
    (await db().notification.findMany({ where: { annotationId: item.id, kind: { in: ["mention", "reply", "activity"] }, userId: { in: recipients.map(([u]) => u) } }, select: { userId: true } })).map((n) => n.userId),
  );
  return db().notification.createMany({
    data: recipients
      .filter(([userId]) => !already.has(userId))
      .map(([userId, kind]) => ({ userId, kind, groupId: item.groupId, annotationId: item.id, actorId: item.authorId })),
  });
}
