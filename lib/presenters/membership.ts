type MembershipRow = {
  groupId: string;
  role: string;
  muted: boolean;
  createdAt: Date;
  /** The email only when the query that read the row let the reader see it (listMembers). */
  user: { id: string; name: string; email?: string };
};

/** A membership; `id` is the member's user id, the key used in member URLs. */
export function presentMembership(m: MembershipRow) {
  return {
    id: m.user.id,
    userId: m.user.id,
    groupId: m.groupId,
    name: m.user.name,
    ...(m.user.email !== undefined ? { email: m.user.email } : {}),
    role: m.role,
    muted: m.muted,
    joinedAt: m.createdAt.toISOString(),
  };
}
