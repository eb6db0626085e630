type MembershipRow = {
  groupId: string;
  role: string;
  muted: boolean;
  createdAt: Date;
  user: { id: string; name: string; email: string };
};

/**
 * A membership; `id` is the member's user id, the key used in member URLs. The email is there
 * only when the reader may see it (seesMemberEmails, or the member themself).
 */
export function presentMembership(m: MembershipRow, opts: { withEmail: boolean }) {
  return {
    id: m.user.id,
    userId: m.user.id,
    groupId: m.groupId,
    name: m.user.name,
    ...(opts.withEmail ? { email: m.user.email } : {}),
    role: m.role,
    muted: m.muted,
    joinedAt: m.createdAt.toISOString(),
  };
}
