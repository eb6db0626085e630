import { roleRank, type MembershipLike, type Role } from "./index";

/**
 * Mutes and role changes reach only people below the actor: a moderator mutes members, never
 * another moderator or an owner. Owners hold the group, so they also reach each other (the
 * last-owner rule keeps one in place).
 */
export function mayChangeMember(actor: MembershipLike, target: { role: Role }): boolean {
  if (!actor) return false;
  return actor.role === "owner" || roleRank(target.role) < roleRank(actor.role);
}

/** Members' email addresses are for the people who run the group: its moderators and owners. */
export function seesMemberEmails(viewer: MembershipLike): boolean {
  return !!viewer && roleRank(viewer.role) >= roleRank("moderator");
}
