import { z } from 'zod';
import { desktopOnly } from './method.ts';
import type { MethodTable } from './method.ts';
import { updateChannel } from './settings.ts';

/** Where the desktop app's update stands. */
export const updateStatus = z.discriminatedUnion('kind', [
  /** Development builds and unpackaged runs never update. */
  z.object({ kind: z.literal('off'), reason: z.string() }),
  /** Not checked yet. */
  z.object({ kind: z.literal('idle') }),
  z.object({ kind: z.literal('checking') }),
  z.object({ kind: z.literal('up-to-date'), checkedAt: z.iso.datetime() }),
  z.object({ kind: z.literal('downloading'), version: z.string(), percent: z.number().min(0).max(100) }),
  /** Downloaded: the renderer offers "Restart to update"; nothing restarts on its own. */
  z.object({ kind: z.literal('ready'), version: z.string() }),
  /** The update server could not be reached; the next scheduled check tries again. */
  z.object({ kind: z.literal('offline'), checkedAt: z.iso.datetime() }),
  z.object({ kind: z.literal('failed'), checkedAt: z.iso.datetime(), message: z.string() }),
]);
export type UpdateStatus = z.infer<typeof updateStatus>;

export const updaterState = z.object({
  channel: updateChannel,
  currentVersion: z.string(),
  /** When the next scheduled check runs; null while updates are off. */
  nextCheckAt: z.iso.datetime().nullable(),
  status: updateStatus,
});
export type UpdaterState = z.infer<typeof updaterState>;

export const updaterMethods = {
  'updater/state': { input: z.object({}).strict(), output: updaterState, hosts: desktopOnly },
  'updater/check': { input: z.object({}).strict(), output: updaterState, hosts: desktopOnly },
  /** Quits and installs the downloaded update; refused while an action, an import or an export runs. */
  'updater/restart': { input: z.object({}).strict(), output: z.object({ restarting: z.literal(true) }), hosts: desktopOnly },
} satisfies MethodTable;

export const updaterEvents = {
  'updater/changed': updaterState,
};
