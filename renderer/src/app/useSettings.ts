import { useCallback } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';
import { useConsoleValue } from '../api/useConsoleValue.ts';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; settings: Settings; update: (patch: SettingsPatch) => Promise<void> };

/** The persisted settings, kept current when another window or tab changes them. */
export function useSettings(): SettingsState {
  const { api } = useConsole();
  const loaded = useConsoleValue(() => api['settings/get']({}), 'settings/changed');
  const set = loaded.status === 'ready' ? loaded.set : null;
  const update = useCallback(
    async (patch: SettingsPatch) => {
      const next = await api['settings/update'](patch);
      set?.(next);
    },
    [api, set],
  );
  if (loaded.status !== 'ready') return loaded;
  return { status: 'ready', settings: loaded.value, update };
}
