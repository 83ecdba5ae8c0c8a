import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type BillingHandlers = Pick<ConsoleHandlers, never>;

export interface BillingHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
}

/** The billing view's console handlers, from the active profile's cache: they work offline. */
export function createBillingHandlers(_options: BillingHandlersOptions): BillingHandlers {
  return {};
}
