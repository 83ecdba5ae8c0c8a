import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type BillingHandlers = Pick<ConsoleHandlers, 'billing/overview'>;

export interface BillingHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
  /** What "overdue", "this week" and "next month" count from. */
  clock: Clock;
}

/** The billing view's console handlers, from the active profile's cache: they work offline. */
export function createBillingHandlers({ readers, activeCache, clock }: BillingHandlersOptions): BillingHandlers {
  return {
    'billing/overview': async ({ months }) => {
      const id = activeCache();
      const reader = id === null ? null : await readers.reader(id);
      const now = clock();
      return reader === null ? { synced: false, asOf: new Date(now).toISOString() } : reader.call('billing.overview', { months, now });
    },
  };
}
