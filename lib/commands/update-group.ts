import "server-only";
import { db } from "../db";
import { loadGroupForActor } from "../queries/memberships";
import { parseInput } from "../validation/parse";
import { groupUpdateInput } from "../validation/schemas";

/** Changes a group's name, description or moderation mode (owners only). Already-approved items stay approved. */
export default async function updateGroup(opts: { actorId: string; groupId: string; changes: unknown }) {
  const input = parseInput(groupUpdateInput, opts.changes);
  const { membership } = await loadGroupForActor(opts.groupId, opts.actorId, "group.update");
  const group = await db().group.update({ where: { id: opts.groupId }, data: input });
  return { group, membership };
}
