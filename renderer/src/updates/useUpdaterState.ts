import type { UpdaterState } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

/** The desktop app's update state; in the browser it fails as not available, and stays so. */
export function useUpdaterState(): Loadable<UpdaterState> {
  const { api } = useConsole();
  return useConsoleValue(() => api['updater/state']({}), 'updater/changed');
}
