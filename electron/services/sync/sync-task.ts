import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import type { SyncResource } from '../../../shared/console-api/index.ts';
import type { Scope } from '../../../shared/ops-api/me.ts';
import type { SyncSource } from './sync-source.ts';
import type { SyncSchedule } from './sync-schedule.ts';
import type { FromSyncWorker } from './sync-messages.ts';

export interface SyncTask {
  resource: SyncResource;
  /** The token needs this scope; without it the task is skipped, not failed. null: no token needed. */
  scope: Scope | null;
  everyMs: number;
  /** Resolves to whether cached data changed. */
  run(): Promise<boolean>;
}

export interface SyncLoopOptions {
  db: Database;
  source: SyncSource;
  post: (message: FromSyncWorker) => void;
  signal: AbortSignal;
  schedule: SyncSchedule;
  /** Decides the audit window, the metrics backfill, prunes and schedules. */
  clock: Clock;
  /** The audit feed worker's entry (see AuditSyncOptions). */
  feedWorker?: string;
}
