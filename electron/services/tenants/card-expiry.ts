import type { CardExpiry } from '../../../shared/console-api/index.ts';

const soonMs = 30 * 86_400_000;

/** A card works through the last day of its expiry month (UTC); `soon` is within 30 days of `now`. */
export function cardExpiryOf({ expMonth, expYear }: { expMonth: number; expYear: number }, now: number): CardExpiry {
  const endsAt = Date.UTC(expYear, expMonth, 1);
  if (endsAt <= now) return 'expired';
  return endsAt - now <= soonMs ? 'soon' : 'ok';
}
