import { ForbiddenError, NotFoundError } from "../errors";
import { ACTIONS, ACTION_NAMES, type Action } from "./actions";
import { roleRank, type Role } from "./roles";

export { ACTIONS, ACTION_NAMES, type Action } from "./actions";
export { ROLES, isRole, roleRank, type Role } from "./roles";

/** What the policies need to know about the actor's place in a group; null = not a member. */
export type MembershipLike = { role: Role; muted: boolean } | null | undefined;

/** Whether a membership holds an action. Pure: no queries, no I/O. */
export function can(membership: MembershipLike, action: Action): boolean {
  if (!membership) return false;
  const rule = ACTIONS[action];
  if (rule.posting && membership.muted) return false;
  return roleRank(membership.role) >= roleRank(rule.minRole);
}

/**
 * Throws unless the membership holds the action: NotFound for outsiders (a group's
 * existence must not leak), Forbidden for members who lack the right.
 */
export function authorize(membership: MembershipLike, action: Action, what = "Group"): void {
  if (!membership) throw new NotFoundError(what);
  if (!can(membership, action)) throw new ForbiddenError(`Your role does not allow: ${ACTIONS[action].description.toLowerCase()}`);
}

/** Every action with whether the membership holds it, for presenters and the UI. */
export function abilities(membership: MembershipLike): Record<Action, boolean> {
  return Object.fromEntries(ACTION_NAMES.map((a) => [a, can(membership, a)])) as Record<Action, boolean>;
}

/** Owners may not demote or remove the last owner, or a group would be unmanageable. */
export function isLastOwner(target: { role: Role }, ownerCount: number): boolean {
  return target.role === "owner" && ownerCount <= 1;
}
