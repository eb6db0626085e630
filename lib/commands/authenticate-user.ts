import "server-only";
import { db } from "../db";
import { verifyPassword } from "../auth/password";
import { assertSignInAllowed, recordSignInFailure, recordSignInSuccess } from "../auth/rate-limit";
import { parseInput } from "../validation/parse";
import { signInInput } from "../validation/schemas";

/**
 * Checks email and password under the sign-in rate limit (throws RateLimitedError when
 * exhausted). Returns the user, or null for wrong credentials, which count as a failure.
 */
export default async function authenticateUser(opts: { email: string; password: string; address: string }) {
  const input = parseInput(signInInput, opts);
  const key = { email: input.email, address: opts.address };
  await assertSignInAllowed(key);
  const user = await db().user.findUnique({ where: { email: input.email } });
  const ok = await verifyPassword(user?.passwordHash, input.password);
  if (!user || !ok) {
    await recordSignInFailure(key);
    return null;
  }
  await recordSignInSuccess(key);
  return user;
}
