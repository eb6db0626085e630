import { roleRank, type MembershipLike, type Role } from "./roles";

/**
 * The permission table: every action, the lowest role that holds it, and whether it is
 * "posting" (taken away from a muted member). Actions done to one item (an annotation, a
 * thread, a flag, a member, an invitation's role) also have a rule in ITEM_RULES
 * (item-rules.ts); the role part here is what they need before the item is looked at. Tests walk this table to build the role × action
 * matrix, so an action added here is covered there automatically.
 */
export const ACTIONS = {
  "group.read": { minRole: "viewer", posting: false, description: "See the group, its documents and members" },
  "group.update": { minRole: "owner", posting: false, description: "Change the group's name and settings" },
  "group.delete": { minRole: "owner", posting: false, description: "Delete the group" },
  "member.manage": { minRole: "owner", posting: false, description: "Add and remove members, change roles" },
  "member.invite": { minRole: "owner", posting: false, description: "Invite people, at most at one's own role" },
  "member.mute": { minRole: "moderator", posting: false, description: "Mute and unmute members" },
  "member.change": { minRole: "moderator", posting: false, description: "Mute or change the role of one member below one's own role" },
  "member.emails": { minRole: "moderator", posting: false, description: "See members' email addresses (everyone sees their own)" },
  "document.read": { minRole: "viewer", posting: false, description: "Read documents and their visible annotations" },
  "document.create": { minRole: "editor", posting: true, description: "Create and import documents" },
  "document.update": { minRole: "editor", posting: true, description: "Rename documents" },
  "document.edit": { minRole: "editor", posting: true, description: "Edit a document's text live" },
  "document.delete": { minRole: "owner", posting: false, description: "Delete documents" },
  "annotation.create": { minRole: "member", posting: true, description: "Create annotations, replies and reactions" },
  "annotation.react": { minRole: "member", posting: true, description: "React to annotations" },
  "annotation.edit": { minRole: "member", posting: true, description: "Edit one's own annotations" },
  "annotation.delete": { minRole: "viewer", posting: false, description: "Delete one's own annotations" },
  "annotation.reply": { minRole: "member", posting: true, description: "Reply in a thread that is not locked (moderators: in any)" },
  "annotation.resolve": { minRole: "viewer", posting: false, description: "Resolve and reopen one's own threads (moderators: anyone's)" },
  "annotation.flag": { minRole: "viewer", posting: false, description: "Flag someone else's annotation for moderators" },
  "annotation.reattach": { minRole: "member", posting: false, description: "Re-attach an orphaned annotation to words of the text (authors their own, moderators anyone's)" },
  "annotation.moderate": { minRole: "moderator", posting: false, description: "See pending, hidden and spam items; approve, hide, mark spam, restore" },
  "thread.lock": { minRole: "moderator", posting: false, description: "Lock and unlock threads" },
  "moderation.read": { minRole: "moderator", posting: false, description: "See the moderation queue and log" },
  "flag.read": { minRole: "viewer", posting: false, description: "See a flag: one's own, or anyone's for moderators" },
  "moderation.note": { minRole: "moderator", posting: false, description: "Write private moderator notes" },
} as const satisfies Record<string, { minRole: Role; posting: boolean; description: string }>;

export type Action = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];

/** Whether a membership holds an action's role part (its minRole, and not muted for a posting action). */
export function holdsRole(membership: MembershipLike, action: Action): boolean {
  if (!membership) return false;
  const rule = ACTIONS[action];
  if (rule.posting && membership.muted) return false;
  return roleRank(membership.role) >= roleRank(rule.minRole);
}
