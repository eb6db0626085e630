/** Group roles in ascending order; each holds every right of the ones before it. */
export const ROLES = ["viewer", "member", "editor", "moderator", "owner"] as const;
export type Role = (typeof ROLES)[number];

/** What the policies need to know about the actor's place in a group; null = not a member. */
export type MembershipLike = { role: Role; muted: boolean } | null | undefined;

/** Position of a role in the ladder, for "at least" comparisons. */
export function roleRank(role: Role): number {
  return ROLES.indexOf(role);
}

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}
