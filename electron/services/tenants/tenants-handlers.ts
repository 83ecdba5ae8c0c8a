import type { ConsoleHandlers, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReaders } from '../reader/source-readers.ts';

type TenantsHandlers = Pick<ConsoleHandlers, never>;

export interface TenantsHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
}

/** The tenants view's console handlers, from the active profile's cache: they work offline. */
export function createTenantsHandlers(_options: TenantsHandlersOptions): TenantsHandlers {
  return {};
}
