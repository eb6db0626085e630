import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { NotFoundError } from "@/lib/errors";
import { abilities, can } from "@/lib/policies";
import type { Viewer } from "@/lib/policies/annotations";
import { queueCounts } from "@/lib/queries/moderation";
import { loadGroupForActor } from "@/lib/queries/memberships";

/**
 * The group, the signed-in moderator and the queue counts, once per request. Outsiders get the
 * ordinary 404; members without the right get `allowed: false` and a page that says so.
 */
export const loadModeration = cache(async (groupId: string) => {
  const user = await currentUser();
  if (!user) redirect("/signin");
  let loaded;
  try {
    loaded = await loadGroupForActor(groupId, user.id);
  } catch (error) {
    if (error instanceof NotFoundError) notFound();
    throw error;
  }
  const { group, membership } = loaded;
  const viewer: Viewer = { userId: user.id, membership };
  const allowed = can(membership, "moderation.read");
  const counts = allowed ? await queueCounts(group.id, viewer) : null;
  return { user, group, membership, viewer, allowed, counts, abilities: abilities(membership) };
});
