import { useCallback, useEffect, useState } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/console-api/index.ts';
import { useConsole } from '../api/ConsoleContext.tsx';

export type SettingsState =
  | { status: 'loading' }
  | { status: 'error'; message: string; retry: () => void }
  | { status: 'ready'; settings: Settings; update: (patch: SettingsPatch) => Promise<void> };

/** The persisted settings, kept current when another window or tab changes them. */
export function useSettings(): SettingsState {
  const { api, on } = useConsole();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    api['settings/get']({}).then(
      (value) => live && setSettings(value),
      (failure: Error) => live && setError(failure.message),
    );
    const unsubscribe = on('settings/changed', setSettings);
    return () => {
      live = false;
      unsubscribe();
    };
  }, [api, on, attempt]);

  const update = useCallback(async (patch: SettingsPatch) => setSettings(await api['settings/update'](patch)), [api]);
  const retry = useCallback(() => {
    setError(null);
    setAttempt((count) => count + 1);
  }, []);

  if (settings !== null) return { status: 'ready', settings, update };
  if (error !== null) return { status: 'error', message: error, retry };
  return { status: 'loading' };
}
