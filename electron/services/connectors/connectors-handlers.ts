import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReader, SourceReaders } from '../reader/source-readers.ts';

type ConnectorsHandlers = Pick<ConsoleHandlers, 'connectors/matrix' | 'connectors/failures-by-day' | 'connectors/connections' | 'connectors/connection'>;

export interface ConnectorsHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
  /** Decides which connections are late or stale, and the chart's last day. */
  clock: Clock;
}

/** The connectors view's console handlers, from the active profile's cache: they work offline. */
export function createConnectorsHandlers({ readers, activeCache, clock }: ConnectorsHandlersOptions): ConnectorsHandlers {
  const reader = async (): Promise<SourceReader | null> => {
    const id = activeCache();
    return id === null ? null : readers.reader(id);
  };
  return {
    'connectors/matrix': async () => ({ connectors: (await (await reader())?.call('connectors.matrix', {})) ?? [] }),
    'connectors/failures-by-day': async (input) => (await reader())?.call('connectors.failuresByDay', { ...input, now: clock() }) ?? { days: [], connectors: [] },
    'connectors/connections': async (input) => (await reader())?.call('connectors.connections', { ...input, now: clock() }) ?? { connections: [], total: 0 },
    'connectors/connection': async ({ id }) => {
      const found = await reader();
      if (found === null) throw new Error(`Cannot show connection ${id}: no connector data is cached yet; connect a platform profile and let it sync.`);
      return found.call('connectors.connection', { id, now: clock() });
    },
  };
}
