import { z } from 'zod';
import { syncResources } from '../data-views.ts';
import type { MethodTable } from './method.ts';

export type { SyncResource } from '../data-views.ts';
export const syncResource = z.enum(syncResources);

export const resourceSync = z.object({
  resource: syncResource,
  /** 0..1 while a long catch-up runs, else null. */
  progress: z.number().min(0).max(1).nullable(),
  lastSuccessAt: z.iso.datetime().nullable(),
  lastError: z.string().nullable(),
  /** e.g. "41,200 of 250,000 events" */
  detail: z.string().nullable(),
});
export type ResourceSync = z.infer<typeof resourceSync>;

export const connectionState = z.enum(['idle', 'connecting', 'online', 'offline', 'degraded']);
export type ConnectionState = z.infer<typeof connectionState>;

/** How the active profile's cache relates to its platform, for the header and for disabling actions. */
export const syncStatus = z.object({
  profileId: z.string().nullable(),
  connection: connectionState,
  /** Why we are offline or degraded, in words. */
  reason: z.string().nullable(),
  /** Newest successful contact with the platform. */
  lastSyncedAt: z.iso.datetime().nullable(),
  /** The audit chain did not hold; audit sync has stopped. */
  integrityError: z.string().nullable(),
  resources: z.array(resourceSync),
});
export type SyncStatus = z.infer<typeof syncStatus>;

export const syncMethods = {
  'sync/status': { input: z.object({}).strict(), output: syncStatus },
  'sync/now': { input: z.object({}).strict(), output: syncStatus },
} satisfies MethodTable;

export const syncEvents = {
  'sync/changed': syncStatus,
  /** Cached data of a resource changed: views showing it re-query. */
  'cache/changed': z.object({ profileId: z.string(), resource: syncResource }),
};
