import { redirect } from "next/navigation";
import { cache } from "react";
import { currentUser } from "@/lib/auth/current-user";
import { orNotFound } from "@/lib/http/or-not-found";
import { abilities } from "@/lib/policies";
import { queueCounts } from "@/lib/queries/moderation";
import { loadGroupForActor } from "@/lib/queries/memberships";

/**
 * The group, the signed-in moderator and the queue counts, once per request. Outsiders get the
 * ordinary 404; members without the right get `allowed: false` and a page that says so.
 */
export const loadModeration = cache(async (groupId: string) => {
  const user = await currentUser();
  if (!user) redirect("/signin");
  const { group, membership, viewer } = await orNotFound(loadGroupForActor(groupId, user.id));
  const may = abilities(membership);
  const allowed = may["moderation.read"];
  const counts = allowed ? await queueCounts(viewer) : null;
  return { user, group, membership, viewer, allowed, counts, abilities: may };
});
