import { z } from 'zod';
import type { MethodTable } from './method.ts';

export const themePreference = z.enum(['auto', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreference>;

export const timeDisplay = z.enum(['local', 'utc']);
export type TimeDisplay = z.infer<typeof timeDisplay>;

export const settings = z.object({
  theme: themePreference,
  timeDisplay: timeDisplay,
});
export type Settings = z.infer<typeof settings>;

export const defaultSettings: Settings = { theme: 'auto', timeDisplay: 'local' };

export const settingsPatch = settings.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsMethods = {
  'settings/get': { input: z.object({}).strict(), output: settings },
  'settings/update': { input: settingsPatch, output: settings },
} satisfies MethodTable;

export const settingsEvents = {
  'settings/changed': settings,
};
