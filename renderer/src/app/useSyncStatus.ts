import type { SyncStatus } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

export function useSyncStatus(): Loadable<SyncStatus> {
  const { api } = useConsole();
  return useConsoleValue(() => api['sync/status']({}), 'sync/changed');
}
