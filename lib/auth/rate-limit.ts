import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { env } from "../env";
import { RateLimitedError } from "../errors";

/**
 * Failed sign-ins are counted per (account, address) and per address. A run of failures on one
 * account from one address earns growing delays there; nobody else's failures ever block the right
 * password from another address, so no one can lock an account's owner out. Each address also has
 * a budget of failures across all accounts. Memory-backed, per process (see README on scaling
 * out). Cached on globalThis because Next's route modules and server.ts are separate module graphs.
 */
const ADDRESS_WINDOW_SECONDS = 15 * 60;
const PER_ADDRESS = 20;
/** Failures of one account from one address are remembered this long after the last one. */
const PAIR_WINDOW_SECONDS = 60 * 60;
/** Failures of one account from one address before delays start. */
const FREE_FAILURES = 3;
/** Delays double from 1 s with each further failure, up to this. */
const MAX_DELAY_SECONDS = 15 * 60;

type Limiters = { address: RateLimiterMemory; pair: RateLimiterMemory; delay: RateLimiterMemory };
const store = globalThis as unknown as { marginaliaSignInLimiters2?: Limiters };

function limiters(): Limiters {
  store.marginaliaSignInLimiters2 ??= {
    address: new RateLimiterMemory({ keyPrefix: "signin-address", points: PER_ADDRESS, duration: ADDRESS_WINDOW_SECONDS }),
    pair: new RateLimiterMemory({ keyPrefix: "signin-pair", points: 1_000_000, duration: PAIR_WINDOW_SECONDS }),
    delay: new RateLimiterMemory({ keyPrefix: "signin-delay", points: 1, duration: 1 }),
  };
  return store.marginaliaSignInLimiters2;
}

export type SignInKey = { email: string; address: string };

const pairKey = (key: SignInKey) => `${key.email.trim().toLowerCase()}\u0000${key.address}`;

/** The wait after the `failures`-th failure of one account from one address: none, then 1 s, 2 s, 4 s … 15 min. */
export function signInDelaySeconds(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES), MAX_DELAY_SECONDS);
}

/** Throws RateLimitedError when this address has used up its failures, or must still wait before trying this account again. */
export async function assertSignInAllowed(key: SignInKey): Promise<void> {
  const { address, delay } = limiters();
  const [fromAddress, waiting] = await Promise.all([address.get(key.address), delay.get(pairKey(key))]);
  const blocked = [fromAddress && fromAddress.consumedPoints >= PER_ADDRESS ? fromAddress : null, waiting && waiting.consumedPoints > 1 ? waiting : null].filter(
    (r): r is RateLimiterRes => r !== null && r.msBeforeNext > 0,
  );
  if (blocked.length) throw new RateLimitedError(Math.max(...blocked.map((r) => r.msBeforeNext)) / 1000);
}

/** Counts one failed attempt against the address and the (account, address) pair, and sets the pair's next delay. */
export async function recordSignInFailure(key: SignInKey): Promise<void> {
  const { address, pair, delay } = limiters();
  const [, failures] = await Promise.all([address.penalty(key.address, 1), pair.penalty(pairKey(key), 1)]);
  const seconds = signInDelaySeconds(failures.consumedPoints);
  if (seconds > 0) await delay.block(pairKey(key), seconds);
}

/** A successful sign-in clears the pair's failures and delay (the address keeps its count). */
export async function recordSignInSuccess(key: SignInKey): Promise<void> {
  const { pair, delay } = limiters();
  await Promise.all([pair.delete(pairKey(key)), delay.delete(pairKey(key))]);
}

type AddressLimiters = { authFailures: RateLimiterMemory; signUps: RateLimiterMemory };
const addressStore = globalThis as unknown as { marginaliaAddressLimiters?: AddressLimiters };

/**
 * Budgets per client address beyond sign-in: wrong credentials presented to the API or /collab (a
 * bad API token, a dead session) and new accounts. Sizes come from the environment (lib/env.ts).
 */
function addressLimiters(): AddressLimiters {
  const e = env();
  addressStore.marginaliaAddressLimiters ??= {
    authFailures: new RateLimiterMemory({ keyPrefix: "auth-failures", points: e.AUTH_FAILURES_PER_MINUTE, duration: 60 }),
    signUps: new RateLimiterMemory({ keyPrefix: "sign-ups", points: e.SIGNUPS_PER_HOUR, duration: 60 * 60 }),
  };
  return addressStore.marginaliaAddressLimiters;
}

async function assertWithin(limiter: RateLimiterMemory, address: string) {
  const used = await limiter.get(address);
  if (used && used.consumedPoints >= limiter.points && used.msBeforeNext > 0) throw new RateLimitedError(used.msBeforeNext / 1000);
}

/**
 * Counts an attempt to authenticate from this address before its credential is checked, so a burst
 * of parallel guesses cannot all slip in before the first failure is recorded; throws
 * RateLimitedError once the address has used up its budget. Call `authenticationSucceeded` when
 * the credential turns out good (or could not be checked): only wrong ones keep counting.
 */
export async function beginAuthentication(address: string): Promise<void> {
  try {
    await addressLimiters().authFailures.consume(address, 1);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new RateLimitedError(error.msBeforeNext / 1000);
    throw error;
  }
}

/** Gives back the attempt `beginAuthentication` counted: the credential was not a wrong one. */
export async function authenticationSucceeded(address: string): Promise<void> {
  await addressLimiters().authFailures.reward(address, 1);
}

/** Throws RateLimitedError once this address has opened its budget of accounts this hour. */
export async function assertSignUpAllowed(address: string): Promise<void> {
  await assertWithin(addressLimiters().signUps, address);
}

/** Counts an account created from this address. */
export async function recordSignUp(address: string): Promise<void> {
  await addressLimiters().signUps.penalty(address, 1);
}
