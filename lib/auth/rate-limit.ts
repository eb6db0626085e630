import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../errors";

/**
 * Failed sign-ins are counted per account and per address; once either runs out the
 * next attempt is refused with 429 before the password is even checked. Memory-backed:
 * one process serves the app (see README for scaling out). Cached on globalThis because
 * Next's route modules and server.ts are separate module graphs in one process.
 */
const WINDOW_SECONDS = 15 * 60;
const PER_ACCOUNT = 5;
const PER_ADDRESS = 20;

type Limiters = { account: RateLimiterMemory; address: RateLimiterMemory };
const store = globalThis as unknown as { marginaliaSignInLimiters?: Limiters };

function limiters(): Limiters {
  store.marginaliaSignInLimiters ??= {
    account: new RateLimiterMemory({ keyPrefix: "signin-account", points: PER_ACCOUNT, duration: WINDOW_SECONDS }),
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: PER_ADDRESS, duration: WINDOW_SECONDS }),
  };
  return store.marginaliaSignInLimiters;
}

export type SignInKey = { email: string; address: string };

const accountKey = (email: string) => email.trim().toLowerCase();

/** Throws RateLimitedError when this account or address has used up its failed attempts. */
export async function assertSignInAllowed(key: SignInKey): Promise<void> {
  const { account, address } = limiters();
  const [a, b] = await Promise.all([account.get(accountKey(key.email)), address.get(key.address)]);
  const blocked = [a && a.consumedPoints >= PER_ACCOUNT ? a : null, b && b.consumedPoints >= PER_ADDRESS ? b : null].filter(
    (r): r is RateLimiterRes => r !== null,
  );
  if (blocked.length) throw new RateLimitedError(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
}

/** Counts one failed attempt against both the account and the address. */
export async function recordSignInFailure(key: SignInKey): Promise<void> {
  const { account, address } = limiters();
  await Promise.all([
    account.penalty(accountKey(key.email), 1),
    address.penalty(key.address, 1),
  ]);
}

/** A successful sign-in clears the account's count (the address keeps its count). */
export async function recordSignInSuccess(key: SignInKey): Promise<void> {
  await limiters().account.delete(accountKey(key.email));
}
