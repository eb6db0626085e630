import "server-only";
import { hashPassword, verifyPassword } from "../auth/password";
import { publishRevocation } from "../auth/revocation";
import { db } from "../db";
import { ValidationError } from "../errors";
import { passwordChangedEmail } from "../mail/password-changed-email";
import { sendMail } from "../mail/send-mail";
import { passwordChangeInput } from "../validation/account";
import { parseInput } from "../validation/parse";
import { revokeSessions } from "./sessions";

/**
 * Changes the actor's password after checking the current one (an account without one, signed
 * in through GitHub or Google, sets its first). Every API token is revoked with it, since a
 * leaked password may have minted some, and every browser session but `keepSessionId` (the one
 * making the change, if it is a browser) ends; what they had open closes on every instance.
 * The owner is told by email when SMTP is set. `operator` (the CLI) skips the current-password check.
 */
export default async function changePassword(opts: { actorId: string; input: unknown; operator?: boolean; keepSessionId?: string }) {
  const input = parseInput(passwordChangeInput, opts.input);
  const user = await db().user.findUniqueOrThrow({ where: { id: opts.actorId } });
  if (!opts.operator && user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError("currentPassword: That is not your current password", { fields: [{ field: "currentPassword", message: "That is not your current password" }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const tokenIds = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    const live = await tx.apiToken.findMany({ where: { userId: user.id, revokedAt: null }, select: { id: true } });
    await tx.apiToken.updateMany({ where: { id: { in: live.map((t) => t.id) } }, data: { revokedAt: now } });
    return live.map((t) => t.id);
  });
  publishRevocation({ tokenIds });
  const tokensRevoked = tokenIds.length;
  const sessionsEnded = await revokeSessions(user.id, { except: opts.keepSessionId });
  const { sent } = await sendMail(passwordChangedEmail({ to: user.email, name: user.name, tokensRevoked, when: now }));
  return { tokensRevoked, sessionsEnded, emailed: sent };
}
