import { z } from 'zod';
import type { MethodTable } from './method.ts';

export const themePreference = z.enum(['auto', 'light', 'dark']);
export type ThemePreference = z.infer<typeof themePreference>;

export const timeDisplay = z.enum(['local', 'utc']);
export type TimeDisplay = z.infer<typeof timeDisplay>;

/** When a queue is in trouble: an alert is raised when one is crossed and noted when it recovers. */
export const queueThresholds = z.object({
  /** Waiting jobs above this. */
  depth: z.number().int().min(1),
  /** The oldest waiting job older than this. */
  oldestWaitingMinutes: z.number().min(0.1),
  /** Failed of finished jobs, per minute, above this. */
  failureRatePercent: z.number().min(0).max(100),
});
export type QueueThresholds = z.infer<typeof queueThresholds>;

export const defaultQueueThresholds: QueueThresholds = { depth: 1_000, oldestWaitingMinutes: 10, failureRatePercent: 5 };

export const queueAlertSettings = z.object({
  defaults: queueThresholds,
  /** Per queue name: the thresholds that differ from the defaults. */
  perQueue: z.record(z.string(), queueThresholds.partial()),
});
export type QueueAlertSettings = z.infer<typeof queueAlertSettings>;

/** Which releases the desktop app updates to: stable ones, or betas too. */
export const updateChannel = z.enum(['stable', 'beta']);
export type UpdateChannel = z.infer<typeof updateChannel>;

export const settings = z.object({
  theme: themePreference,
  timeDisplay: timeDisplay,
  // A settings file from before alerts existed still reads.
  queueAlerts: queueAlertSettings.default({ defaults: defaultQueueThresholds, perQueue: {} }),
  updateChannel: updateChannel.default('stable'),
});
export type Settings = z.infer<typeof settings>;

export const defaultSettings: Settings = { theme: 'auto', timeDisplay: 'local', queueAlerts: { defaults: defaultQueueThresholds, perQueue: {} }, updateChannel: 'stable' };

/** A queue's thresholds: its own where set, the defaults elsewhere. */
export function thresholdsOf(alerts: QueueAlertSettings, queue: string): QueueThresholds {
  return { ...alerts.defaults, ...alerts.perQueue[queue] };
}

export const settingsPatch = settings.partial().strict();
export type SettingsPatch = z.infer<typeof settingsPatch>;

export const settingsMethods = {
  'settings/get': { input: z.object({}).strict(), output: settings },
  'settings/update': { input: settingsPatch, output: settings },
} satisfies MethodTable;

export const settingsEvents = {
  'settings/changed': settings,
};
