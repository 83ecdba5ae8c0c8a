import type { ProfilesState } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';
import type { Loadable } from '../api/useConsoleValue.ts';

/** Profiles as the main side reports them, current across windows and tabs. */
export function useProfiles(): Loadable<ProfilesState> {
  const { api } = useConsole();
  return useConsoleValue(() => api['profiles/list']({}), 'profiles/changed');
}
