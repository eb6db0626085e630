import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id settings: 19 MiB memory, 2 iterations, 1 lane. */
const OPTIONS = { algorithm: 2 /* Argon2id */, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** Minimum length of a new password; long passphrases beat composition rules. */
export const MIN_PASSWORD_LENGTH = 10;

/** Hashes a password into a self-describing PHC string. */
export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// A real hash to verify against when the account does not exist, so timing does not reveal which emails are registered.
let dummyHash: Promise<string> | undefined;

/** Checks a password against a stored hash; `null` hash still costs the same time. */
export async function verifyPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  if (!storedHash) {
    dummyHash ??= hashPassword("marginalia-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  return verify(storedHash, password).catch(() => false);
}
