import type { AuditSources } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

/** Profile caches and imported sources, with their last verification. */
export function useSources(): Loadable<AuditSources> {
  const { api } = useConsole();
  return useConsoleValue(() => api['sources/list']({}), 'sources/changed');
}
