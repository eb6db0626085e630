import "server-only";
import { db, type Tx } from "../db";
import { ConflictError } from "../errors";
import { hashPassword } from "../auth/password";
import { parseInput } from "../validation/parse";
import { signUpInput } from "../validation/schemas";

/** Registers an account with an argon2id-hashed password; a taken email is a 409. */
export default async function createUser(opts: { input: unknown; tx?: Tx }) {
  const input = parseInput(signUpInput, opts.input);
  const tx = opts.tx ?? db();
  const taken = await tx.user.findUnique({ where: { email: input.email }, select: { id: true } });
  if (taken) throw new ConflictError("An account with this email already exists", "email_taken");
  const passwordHash = await hashPassword(input.password);
  try {
    return await tx.user.create({
      data: { name: input.name, email: input.email, passwordHash },
    });
  } catch (error) {
    // Two sign-ups racing for one address: the unique index decides.
    if ((error as { code?: string }).code === "P2002") throw new ConflictError("An account with this email already exists", "email_taken");
    throw error;
  }
}
