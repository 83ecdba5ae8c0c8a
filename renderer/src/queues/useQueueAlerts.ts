import type { QueueAlertsState } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

/** The active profile's open queue alerts and the latest crossing or recovery. */
export function useQueueAlerts(): Loadable<QueueAlertsState> {
  const { api } = useConsole();
  return useConsoleValue(() => api['queues/alerts']({}), 'queues/alerts');
}
