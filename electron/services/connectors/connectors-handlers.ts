import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type ConnectorsHandlers = Pick<ConsoleHandlers, never>;

export interface ConnectorsHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
}

/** The connectors view's console handlers, from the active profile's cache: they work offline. */
export function createConnectorsHandlers(_options: ConnectorsHandlersOptions): ConnectorsHandlers {
  return {};
}
