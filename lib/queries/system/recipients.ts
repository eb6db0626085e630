import "server-only";
import { db, type Tx } from "../../db";
import { viewerFor, type GroupViewer } from "../../policies/viewer";
import { countsAsPostingSql } from "../visibility";

/**
 * System reads (no reader: see lib/queries/system/annotations.ts) for delivering to other
 * people: each recipient of a live message or a notification as the viewer they are now, so the
 * sender can ask can() for each of them before anything leaves the server.
 */

/**
 * Each of several users as a viewer of one document, as they are now (membership, anonymity,
 * hide-and-reveal), in three round trips whatever their number: for live delivery.
 */
export async function documentViewers(documentId: string, groupId: string, userIds: string[]): Promise<Map<string, GroupViewer>> {
  const [document, memberships] = await Promise.all([
    db().document.findUnique({ where: { id: documentId }, select: { hideUntilPosted: true, group: { select: { anonymousToPeers: true } } } }),
    membershipsOf(groupId, userIds),
  ]);
  const hideUntilPosted = document?.hideUntilPosted ?? false;
  const posted = hideUntilPosted ? await postersAmong(documentId, userIds) : new Set<string>();
  const group = { anonymousToPeers: document?.group.anonymousToPeers ?? false };
  return new Map(
    userIds.map((userId) => [userId, viewerFor({ userId, groupId, membership: memberships.get(userId) ?? null, group, document: { hideUntilPosted, posted: posted.has(userId) } })]),
  );
}

/** Current memberships of several users in one group (role and mute), for re-checking open connections and live delivery. */
export async function membershipsOf(groupId: string, userIds: string[]) {
  const rows = await db().membership.findMany({ where: { groupId, userId: { in: userIds } }, select: { userId: true, role: true, muted: true } });
  return new Map(rows.map((r) => [r.userId, { role: r.role, muted: r.muted }]));
}

/** Which of `userIds` have posted on the document, as hide-and-reveal counts it (for live delivery and notifications). */
export async function postersAmong(documentId: string, userIds: string[], tx: Tx = db()): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ authorId: string }[]>`
    SELECT DISTINCT p."authorId" FROM "Annotation" p
     WHERE p."documentId" = ${documentId} AND p."authorId" = ANY(${userIds}::text[]) AND ${countsAsPostingSql("p")}`;
  return new Set(rows.map((r) => r.authorId));
}

/** The group a document is in, or null once it is gone (documents never change group). */
export async function groupIdOfDocument(documentId: string): Promise<string | null> {
  return (await db().document.findUnique({ where: { id: documentId }, select: { groupId: true } }))?.groupId ?? null;
}
