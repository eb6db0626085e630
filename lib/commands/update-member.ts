import "server-only";
import { db } from "../db";
import { ConflictError, NotFoundError } from "../errors";
import { authorize, isLastOwner } from "../policies";
import { findMembership } from "../queries/memberships";
import { parseInput } from "../validation/parse";
import { memberUpdateInput } from "../validation/schemas";

/**
 * Changes a member's role (owners) and/or muted flag (moderators and up) — only of someone
 * below the actor's role (owners also reach co-owners) — writing a moderation-log row for
 * each change in the same transaction.
 */
export default async function updateMember(opts: { actorId: string; groupId: string; userId: string; role?: unknown; muted?: unknown }) {
  const input = parseInput(memberUpdateInput, { role: opts.role, muted: opts.muted });
  return db().$transaction(async (tx) => {
    const actor = await findMembership(opts.groupId, opts.actorId, tx);
    authorize(actor, "group.read");
    if (input.role !== undefined) authorize(actor, "member.manage");
    if (input.muted !== undefined) authorize(actor, "member.mute");
    const target = await findMembership(opts.groupId, opts.userId, tx);
    if (!target) throw new NotFoundError("Member");
    authorize(actor, "member.change", target);
    if (input.role !== undefined && input.role !== "owner") {
      const owners = await tx.membership.count({ where: { groupId: opts.groupId, role: "owner" } });
      if (isLastOwner(target, owners)) throw new ConflictError("A group needs at least one owner; make someone else owner first", "last_owner");
    }
    const updated = await tx.membership.update({
      where: { id: target.id },
      data: { role: input.role, muted: input.muted },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
    const log = (action: "role" | "mute" | "unmute", from: string, to: string) =>
      tx.moderationLogEntry.create({
        data: { groupId: opts.groupId, actorId: opts.actorId, action, subjectUserId: opts.userId, from, to },
      });
    if (input.role !== undefined && input.role !== target.role) await log("role", target.role, input.role);
    if (input.muted !== undefined && input.muted !== target.muted) {
      await log(input.muted ? "mute" : "unmute", String(target.muted), String(input.muted));
    }
    return updated;
  });
}
