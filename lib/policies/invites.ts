import { can, roleRank, type MembershipLike, type Role } from "./index";

/** Nobody hands out more than they hold: an invitation's role is at most the inviter's own. */
export function mayInviteAs(membership: MembershipLike, role: Role): boolean {
  return can(membership, "member.manage") && roleRank(role) <= roleRank(membership!.role);
}
