import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, HomeGlance, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type HomeHandlers = Pick<ConsoleHandlers, 'home/glance'>;

export interface HomeHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
  clock: Clock;
}

const nothingCached: HomeGlance = { status: null, connections: { total: 0, failing: 0, disconnected: 0, late: 0, worst: [] }, billing: { mrr: [], pastDueCount: 0, pastDue: [] }, audit: [] };

/** Home from the active profile's cache: it works offline. */
export function createHomeHandlers({ readers, activeCache, clock }: HomeHandlersOptions): HomeHandlers {
  return {
    'home/glance': async () => {
      const id = activeCache();
      const reader = id === null ? null : await readers.reader(id);
      return reader === null ? nothingCached : reader.call('home.glance', { now: clock() });
    },
  };
}
