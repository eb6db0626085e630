import { db } from "../db";
import type { Credential } from "../auth/revocation";
import { userForApiToken } from "../auth/resolve-token";
import { sessionFromCookieHeader } from "../auth/session-token";
import { sessionUser } from "../auth/sessions";
import { can, type MembershipLike } from "../policies";

/** Who a collaboration connection belongs to, from its API token or else its live session cookie, with the credential it used. */
export async function collabUser(token: string, cookieHeader: string | null): Promise<{ id: string; name: string; credential: Credential } | null> {
  if (token) {
    const user = await userForApiToken(token);
    return user && { id: user.id, name: user.name, credential: { kind: "token", id: user.tokenId } };
  }
  const session = await sessionFromCookieHeader(cookieHeader);
  const user = session ? await sessionUser(session.sessionId, session.userId) : null;
  return user && session && { id: user.id, name: user.name, credential: { kind: "session", id: session.sessionId } };
}

export type DocumentAccess = { groupId: string; anonymousToPeers: boolean; membership: MembershipLike; read: boolean; edit: boolean };

/** What the user may do with a document's live text, by the same policies as the REST API. */
export async function documentAccess(documentId: string, userId: string): Promise<DocumentAccess | null> {
  const document = await db().document.findUnique({ where: { id: documentId }, select: { groupId: true, group: { select: { anonymousToPeers: true } } } });
  if (!document) return null;
  const membership = await db().membership.findUnique({
    where: { groupId_userId: { groupId: document.groupId, userId } },
    select: { role: true, muted: true },
  });
  return { groupId: document.groupId, anonymousToPeers: document.group.anonymousToPeers, membership, read: can(membership, "document.read"), edit: can(membership, "document.edit") };
}

/** Current memberships of several users in one group, for re-checking open connections. */
export async function membershipsOf(groupId: string, userIds: string[]) {
  const rows = await db().membership.findMany({ where: { groupId, userId: { in: userIds } }, select: { userId: true, role: true, muted: true } });
  return new Map(rows.map((r) => [r.userId, { role: r.role, muted: r.muted }]));
}
