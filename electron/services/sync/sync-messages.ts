import type { SyncResource } from '../../../shared/console-api/index.ts';
import type { OpsConnection } from '../ops-api/ops-api-client.ts';
import type { SyncSchedule } from './sync-schedule.ts';

export interface SyncWorkerData {
  dbPath: string;
  connection: OpsConnection;
  schedule?: Partial<SyncSchedule>;
  /** The audit feed worker's entry, beside this worker's. */
  feedWorker?: string;
}

export type ToSyncWorker = { kind: 'sync-now' } | { kind: 'stop' };

export type FromSyncWorker =
  | { kind: 'cached'; resources: Array<{ resource: SyncResource; lastSuccessAt: number | null; lastError: string | null }> }
  | { kind: 'progress'; resource: SyncResource; progress: number | null; detail: string | null }
  | { kind: 'success'; resource: SyncResource; at: number; changed: boolean }
  | { kind: 'failure'; resource: SyncResource; at: number; message: string; unreachable: boolean; integrity: boolean }
  | { kind: 'skipped'; resource: SyncResource; reason: string }
  | { kind: 'cache-recovered'; movedTo: string; reason: string }
  | { kind: 'stopped' };
