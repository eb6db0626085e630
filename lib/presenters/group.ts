import { abilities, type MembershipLike } from "../policies";

type GroupRow = { id: string; name: string; description: string; moderation: "post" | "pre"; anonymousToPeers: boolean; createdAt: Date; updatedAt: Date };

/** A group as the actor sees it: with their role and what they may do. */
export function presentGroup(group: GroupRow, membership: NonNullable<MembershipLike>) {
  return {
    id: group.id,
    name: group.name,
    description: group.description,
    moderation: group.moderation,
    anonymousToPeers: group.anonymousToPeers,
    role: membership.role,
    muted: membership.muted,
    abilities: abilities(membership),
    createdAt: group.createdAt.toISOString(),
    updatedAt: group.updatedAt.toISOString(),
  };
}
