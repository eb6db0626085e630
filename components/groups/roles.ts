import type { Role } from "@/lib/policies/roles";

/** Roles from most to least powerful, as the role selects list them. */
export const ROLE_OPTIONS: { value: Role; label: string; description: string }[] = [
  { value: "owner", label: "Owner", description: "Settings, members and roles" },
  { value: "moderator", label: "Moderator", description: "Moderates and mutes" },
  { value: "editor", label: "Editor", description: "Edits and adds texts" },
  { value: "member", label: "Member", description: "Annotates and replies" },
  { value: "viewer", label: "Viewer", description: "Reads and flags" },
];

export function roleLabel(role: string): string {
  return ROLE_OPTIONS.find((option) => option.value === role)?.label ?? role;
}

export const MODERATION_OPTIONS = [
  { value: "post", label: "Post-moderation", short: "Posts appear at once" },
  { value: "pre", label: "Pre-moderation", short: "Posts wait for approval" },
] as const;

export const MODERATION_HINT = "Post: visible at once, moderated after. Pre: posts from members wait for a moderator’s approval.";
