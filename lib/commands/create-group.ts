import "server-only";
import { db } from "../db";
import { parseInput } from "../validation/parse";
import { groupCreateInput } from "../validation/schemas";

/** Creates a group with its creator as owner, in one transaction. */
export default async function createGroup(opts: { actorId: string; input: unknown }) {
  const input = parseInput(groupCreateInput, opts.input);
  return db().$transaction(async (tx) => {
    const group = await tx.group.create({
      data: { name: input.name, moderation: input.moderation, description: input.description ?? "" },
    });
    const membership = await tx.membership.create({ data: { groupId: group.id, userId: opts.actorId, role: "owner" } });
    return { group, membership };
  });
}
