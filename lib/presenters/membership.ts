type MembershipRow = {
  groupId: string;
  role: string;
  muted: boolean;
  createdAt: Date;
  user: { id: string; name: string; email: string };
};

/** A membership; `id` is the member's user id, the key used in member URLs. */
export function presentMembership(m: MembershipRow) {
  return {
    id: m.user.id,
    userId: m.user.id,
    groupId: m.groupId,
    name: m.user.name,
    email: m.user.email,
    role: m.role,
    muted: m.muted,
    joinedAt: m.createdAt.toISOString(),
  };
}
