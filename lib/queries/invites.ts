import "server-only";
import { hashApiToken } from "../auth/api-tokens";
import { db, type Tx } from "../db";
import { NotFoundError } from "../errors";
import { authorize } from "../policies";
import type { GroupViewer } from "../policies/viewer";

/** Invitation secrets are hashed exactly like API tokens: SHA-256, since they carry 192 random bits. */
export const hashInviteToken = hashApiToken;

export type InviteStatus = "active" | "revoked" | "expired" | "used_up";

/** Whether an invitation still lets people in, and if not, why (revocation wins over the rest). */
export function inviteStatus(invite: { revokedAt: Date | null; expiresAt: Date; maxUses: number | null; uses: number }, now = new Date()): InviteStatus {
  if (invite.revokedAt) return "revoked";
  if (invite.expiresAt <= now) return "expired";
  if (invite.maxUses !== null && invite.uses >= invite.maxUses) return "used_up";
  return "active";
}

const createdBy = { select: { id: true, name: true } } as const;

/** The viewer's group's invitations, newest first, with who made each (for those who hold `member.manage`). */
export function listInvites(viewer: GroupViewer, tx: Tx = db()) {
  authorize(viewer.membership, "member.manage");
  return tx.invite.findMany({ where: { groupId: viewer.groupId }, include: { createdBy }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: 200 });
}

/** One invitation of the viewer's group (for those who hold `member.manage`); an id from another group is as absent as a missing one. */
export async function loadGroupInvite(viewer: GroupViewer, inviteId: string, tx: Tx = db()) {
  authorize(viewer.membership, "member.manage");
  const invite = await tx.invite.findFirst({ where: { id: inviteId, groupId: viewer.groupId }, include: { createdBy } });
  if (!invite) throw new NotFoundError("Invitation");
  return invite;
}

/** What the invitation page shows to whoever holds the link: the group, the role and who invited. */
export function findInviteByToken(token: string, tx: Tx = db()) {
  return tx.invite.findUnique({
    where: { tokenHash: hashInviteToken(token) },
    include: { createdBy, group: { select: { id: true, name: true, description: true, _count: { select: { memberships: true } } } } },
  });
}

export type InviteRow = Awaited<ReturnType<typeof loadGroupInvite>>;

/** The open invitation a sign-in or sign-up page will return to (callbackUrl `/invite/<token>`), so it can say which group. */
export async function findInviteForCallback(callbackUrl: string) {
  const token = /^\/invite\/([A-Za-z0-9_-]{16,128})$/.exec(callbackUrl)?.[1];
  if (!token) return null;
  const invite = await findInviteByToken(token);
  return invite && inviteStatus(invite) === "active" ? { groupName: invite.group.name, inviterName: invite.createdBy.name } : null;
}

/**
 * Invitations addressed to this person's email that they may still accept: open, and to a
 * group they are not in. Newest first, one per group (a second invitation to the same group
 * says nothing more).
 */
export async function listInvitationsFor(user: { id: string; email: string }, tx: Tx = db()) {
  const rows = await tx.invite.findMany({
    where: {
      email: user.email,
      revokedAt: null,
      expiresAt: { gt: new Date() },
      OR: [{ maxUses: null }, { uses: { lt: tx.invite.fields.maxUses } }],
      group: { memberships: { none: { userId: user.id } } },
    },
    include: { createdBy, group: { select: { id: true, name: true, description: true } } },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: 100,
  });
  const seen = new Set<string>();
  return rows.filter((row) => !seen.has(row.groupId) && seen.add(row.groupId));
}

export type InvitationRow = Awaited<ReturnType<typeof listInvitationsFor>>[number];

/** One invitation addressed to this person (null for anyone else's, like a missing one). */
export function findInvitationFor(user: { email: string }, inviteId: string, tx: Tx = db()) {
  return tx.invite.findFirst({ where: { id: inviteId, email: user.email } });
}
