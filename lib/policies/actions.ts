import type { Role } from "./roles";

/**
 * The permission table: every action, the lowest role that holds it, and whether it
 * is "posting" (taken away from a muted member). Tests walk this table to build the
 * role × action matrix, so an action added here is covered there automatically.
 */
export const ACTIONS = {
  "group.read": { minRole: "viewer", posting: false, description: "See the group, its documents and members" },
  "group.update": { minRole: "owner", posting: false, description: "Change the group's name and settings" },
  "group.delete": { minRole: "owner", posting: false, description: "Delete the group" },
  "member.manage": { minRole: "owner", posting: false, description: "Add and remove members, change roles" },
  "member.mute": { minRole: "moderator", posting: false, description: "Mute and unmute members" },
  "document.read": { minRole: "viewer", posting: false, description: "Read documents and their visible annotations" },
  "document.create": { minRole: "editor", posting: true, description: "Create and import documents" },
  "document.edit": { minRole: "editor", posting: true, description: "Edit a document's text live" },
  "document.delete": { minRole: "owner", posting: false, description: "Delete documents" },
  "annotation.create": { minRole: "member", posting: true, description: "Create annotations, replies and reactions" },
  "annotation.flag": { minRole: "viewer", posting: false, description: "Flag an annotation for moderators" },
  "annotation.reattach": { minRole: "moderator", posting: false, description: "Re-attach anyone's orphaned annotation to words of the text (authors re-attach their own)" },
  "annotation.moderate": { minRole: "moderator", posting: false, description: "See pending, hidden and spam items; approve, hide, mark spam, restore" },
  "thread.lock": { minRole: "moderator", posting: false, description: "Lock and unlock threads" },
  "moderation.read": { minRole: "moderator", posting: false, description: "See the moderation queue and log" },
  "moderation.note": { minRole: "moderator", posting: false, description: "Write private moderator notes" },
} as const satisfies Record<string, { minRole: Role; posting: boolean; description: string }>;

export type Action = keyof typeof ACTIONS;

export const ACTION_NAMES = Object.keys(ACTIONS) as Action[];
