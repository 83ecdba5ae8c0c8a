import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type HomeHandlers = Pick<ConsoleHandlers, never>;

export interface HomeHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
}

/** The home view's console handlers, from the active profile's cache: they work offline. */
export function createHomeHandlers(_options: HomeHandlersOptions): HomeHandlers {
  return {};
}
