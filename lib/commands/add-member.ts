import { db } from "../db";
import { ConflictError, UnprocessableError } from "../errors";
import { authorize } from "../policies";
import { findMembership } from "../queries/memberships";
import { parseInput } from "../validation/parse";
import { memberAddInput } from "../validation/schemas";

/** Adds an existing account to a group by email with a role (owners only). */
export default async function addMember(opts: { actorId: string; groupId: string; input: unknown }) {
  const input = parseInput(memberAddInput, opts.input);
  authorize(await findMembership(opts.groupId, opts.actorId), "member.manage");
  const user = await db().user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (!user) throw new UnprocessableError("No account uses this email yet; ask them to sign up first", "unknown_user");
  try {
    return await db().membership.create({
      data: { groupId: opts.groupId, userId: user.id, role: input.role },
      include: { user: { select: { id: true, name: true, email: true } } },
    });
  } catch (error) {
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("This person is already a member", "already_member");
    throw error;
  }
}
