/** Retry with exponential backoff and jitter, for statements that lose the race for a lock. */

/** How hard to retry. */
export interface RetryPolicy {
  /** Total attempts, the first included. */
  readonly attempts: number;
  /** Delay before the second attempt, in ms; doubles each time. */
  readonly baseDelayMs: number;
  /** Cap on one delay, in ms. */
  readonly maxDelayMs: number;
}

/** The default: 10 attempts, 200 ms doubling up to 5 s (about 25 s of waiting in the worst case). */
export const DEFAULT_RETRY: RetryPolicy = Object.freeze({ attempts: 10, baseDelayMs: 200, maxDelayMs: 5000 });

/** SQLSTATEs worth retrying: lock_not_available (lock_timeout hit) and deadlock_detected. */
const RETRYABLE = new Set(['55P03', '40P01']);

/** Whether an error is a lost lock race. */
export function isLockTimeout(e: unknown): boolean {
  return RETRYABLE.has(String((e as { code?: unknown })?.code ?? ''));
}

/** The delay before attempt `n` (n ≥ 1 is the first retry): base·2^(n-1), capped, with 50–100 % jitter. */
export function backoff(n: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const raw = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** (n - 1));
  return Math.round(raw * (0.5 + random() * 0.5));
}

/** Runs `fn`, retrying lost lock races; any other error, or the last attempt's, is thrown. */
export async function withLockRetry<T>(
  fn: (attempt: number) => Promise<T>,
  policy: RetryPolicy = DEFAULT_RETRY,
  onRetry?: (attempt: number, delayMs: number, error: unknown) => void,
): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn(attempt);
    } catch (e) {
      if (!isLockTimeout(e) || attempt >= policy.attempts) throw e;
      const delay = backoff(attempt, policy);
      onRetry?.(attempt, delay, e);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}
