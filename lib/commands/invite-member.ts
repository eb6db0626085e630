import "server-only";
import { parseInput } from "../validation/parse";
import { memberAddInput } from "../validation/schemas";
import createInvite from "./create-invite";

/**
 * Invites someone to a group by email (owners): nobody becomes a member without saying yes.
 * The invitation waits in their inbox when the address has an account, and goes to the
 * address by email when SMTP is set. The answer is the same whether or not an account uses
 * the address, so it cannot be used to find out who has one.
 */
export default async function inviteMember(opts: { actorId: string; groupId: string; input: unknown; origin: string }) {
  const input = parseInput(memberAddInput, opts.input);
  await createInvite({ actorId: opts.actorId, groupId: opts.groupId, input: { role: input.role, email: input.email }, origin: opts.origin });
  return { invited: true as const };
}
