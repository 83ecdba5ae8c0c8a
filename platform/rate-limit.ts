import { ProblemError } from './http/problem.ts';

export interface RateLimit {
  /** Sustained requests per second per token. */
  perSecond: number;
  /** How many may come at once. */
  burst: number;
}

/** A token bucket per caller; over the limit is a 429 problem with Retry-After in whole seconds. */
export function createRateLimiter(limit: RateLimit, now: () => number) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  return function take(caller: string): void {
    const time = now();
    const bucket = buckets.get(caller) ?? { tokens: limit.burst, at: time };
    bucket.tokens = Math.min(limit.burst, bucket.tokens + ((time - bucket.at) / 1000) * limit.perSecond);
    bucket.at = time;
    buckets.set(caller, bucket);
    if (bucket.tokens < 1) {
      const retryAfter = Math.max(1, Math.ceil((1 - bucket.tokens) / limit.perSecond));
      throw new ProblemError(429, 'rate-limited', 'Too Many Requests', `More than ${limit.perSecond} requests a second; retry after ${retryAfter} s.`, { 'Retry-After': String(retryAfter) });
    }
    bucket.tokens -= 1;
  };
}
