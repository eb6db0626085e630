import { hashPassword, verifyPassword } from "../auth/password";
import { publishRevocation } from "../auth/revocation";
import { db } from "../db";
import { ValidationError } from "../errors";
import { passwordChangedEmail } from "../mail/password-changed-email";
import { sendMail } from "../mail/send-mail";
import { passwordChangeInput } from "../validation/account";
import { parseInput } from "../validation/parse";

/**
 * Changes the actor's password after checking the current one (an account without one, signed
 * in through GitHub or Google, sets its first). Every API token is revoked with it, since a
 * leaked password may have minted some; signing out the other sessions is the caller's part
 * (it knows which session is making the request). The owner is told by email when SMTP is set.
 * `operator` (the CLI) skips the current-password check.
 */
export default async function changePassword(opts: { actorId: string; input: unknown; operator?: boolean }) {
  const input = parseInput(passwordChangeInput, opts.input);
  const user = await db().user.findUniqueOrThrow({ where: { id: opts.actorId } });
  if (!opts.operator && user.passwordHash && !(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new ValidationError("currentPassword: That is not your current password", { fields: [{ field: "currentPassword", message: "That is not your current password" }] });
  }
  const passwordHash = await hashPassword(input.newPassword);
  const now = new Date();
  const revokedIds = await db().$transaction(async (tx) => {
    await tx.user.update({ where: { id: user.id }, data: { passwordHash } });
    await tx.apiToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    return (await tx.apiToken.findMany({ where: { userId: user.id, revokedAt: now }, select: { id: true } })).map((t) => t.id);
  });
  // What those tokens had open (live connections, event streams) closes too, on every instance.
  publishRevocation({ tokenIds: revokedIds });
  const tokensRevoked = revokedIds.length;
  const { sent } = await sendMail(passwordChangedEmail({ to: user.email, name: user.name, tokensRevoked, when: now }));
  return { tokensRevoked, emailed: sent };
}
