import { roleRank, type MembershipLike } from "./roles";

/** Members' email addresses are for the people who run the group: its moderators and owners. */
export function seesMemberEmails(viewer: MembershipLike): boolean {
  return !!viewer && roleRank(viewer.role) >= roleRank("moderator");
}
