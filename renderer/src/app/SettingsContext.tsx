import { createContext, useContext } from 'react';
import type { Settings, SettingsPatch } from '../../../shared/console-api/index.ts';

export interface SettingsValue {
  settings: Settings;
  update(patch: SettingsPatch): Promise<void>;
}

export const SettingsContext = createContext<SettingsValue | null>(null);

export function useSettingsValue(): SettingsValue {
  const value = useContext(SettingsContext);
  if (value === null) throw new Error('useSettingsValue outside <SettingsContext.Provider>');
  return value;
}
