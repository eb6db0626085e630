import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { RateLimitedError } from "../errors";

/**
 * Per-user limits on the writes that anchor words in a document's text (creating, replying,
 * editing an annotation) and on imports, which anchor up to thousands at once. Anchoring is
 * bounded and runs off the event loop when long, but it still costs CPU: these keep one account
 * from monopolising it. Memory-backed and per process, like the sign-in limits (lib/auth/rate-limit.ts).
 */
export const ANNOTATION_WRITES_PER_MINUTE = 120;
export const IMPORTS_PER_HOUR = 10;

type Limiters = { writes: RateLimiterMemory; imports: RateLimiterMemory };
// Cached on globalThis: Next's route modules and server.ts are separate module graphs in one process.
const store = globalThis as unknown as { marginaliaAnnotationLimiters?: Limiters };

function limiters(): Limiters {
  store.marginaliaAnnotationLimiters ??= {
    writes: new RateLimiterMemory({ keyPrefix: "annotation-writes", points: ANNOTATION_WRITES_PER_MINUTE, duration: 60 }),
    imports: new RateLimiterMemory({ keyPrefix: "annotation-imports", points: IMPORTS_PER_HOUR, duration: 60 * 60 }),
  };
  return store.marginaliaAnnotationLimiters;
}

/** 429 for too many annotation writes or imports, with the wait in seconds. */
class AnnotationRateLimitedError extends RateLimitedError {
  constructor(what: string, retryAfterSeconds: number) {
    super(retryAfterSeconds);
    this.message = `Too many ${what}; try again in ${Math.max(1, Math.ceil(retryAfterSeconds))} s`;
  }
}

async function take(limiter: RateLimiterMemory, userId: string, what: string): Promise<void> {
  try {
    await limiter.consume(userId);
  } catch (error) {
    if (error instanceof RateLimiterRes) throw new AnnotationRateLimitedError(what, error.msBeforeNext / 1000);
    throw error;
  }
}

/** Counts one annotation create, reply or edit by this user; throws 429 once the minute's allowance is used. */
export function consumeAnnotationWrite(userId: string): Promise<void> {
  return take(limiters().writes, userId, "annotations posted");
}

/** Counts one import by this user; throws 429 once the hour's allowance is used. */
export function consumeAnnotationImport(userId: string): Promise<void> {
  return take(limiters().imports, userId, "imports");
}
