import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type TenantsHandlers = Pick<ConsoleHandlers, 'tenants/directory' | 'tenants/filters' | 'tenants/overview'>;

export interface TenantsHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
  /** Decides which invoices are past due and which cards expire soon. */
  clock: Clock;
}

/** The tenants view's console handlers, from the active profile's cache: they work offline. */
export function createTenantsHandlers({ readers, activeCache, clock }: TenantsHandlersOptions): TenantsHandlers {
  const reader = async () => {
    const id = activeCache();
    return id === null ? null : readers.reader(id);
  };
  return {
    'tenants/directory': async (input) => (await reader())?.call('tenants.directory', input) ?? { rows: [], total: 0 },
    'tenants/filters': async () => (await reader())?.call('tenants.filters', {}) ?? { plans: [], statuses: [], regions: [], total: 0 },
    'tenants/overview': async ({ id }) => (await (await reader())?.call('tenants.overview', { id, now: clock() })) ?? null,
  };
}
