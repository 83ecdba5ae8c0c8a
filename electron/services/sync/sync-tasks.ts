import { indexAuditText } from '../cache/index-audit-text.ts';
import { pruneCache } from '../cache/prune-cache.ts';
import { syncAuditFeed } from './audit-sync.ts';
import { snapshotTasks } from './snapshot-tasks.ts';
import { statusSyncTask } from '../home/status-sync-task.ts';
import { connectionRunsSyncTask } from '../connectors/connection-runs-sync-task.ts';
import { createOpsApiQueueSource } from '../queues/ops-api-queue-source.ts';
import { queueSyncTasks } from '../queues/queue-sync-tasks.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import type { SyncLoopOptions, SyncTask } from './sync-task.ts';

const dayMs = 86_400_000;

/** What the sync loop keeps fresh from its source, and how often. */
export function syncTasks(options: SyncLoopOptions): SyncTask[] {
  const { db, source, schedule, clock } = options;
  // BullMQ keeps no history: the queue task's samples, every queuesMs (10 s), are all there is.
  if (source.kind === 'bullmq') return queueSyncTasks(db, source.queues, schedule, clock);
  return opsApiTasks(options, source.client);
}

function opsApiTasks({ db, post, signal, schedule, clock, feedWorker }: SyncLoopOptions, client: OpsApiClient): SyncTask[] {
  const report = (update: { resource: SyncTask['resource']; progress: number | null; detail: string | null }) => post({ kind: 'progress', ...update });
  let prunedAt = 0;
  return [
    {
      resource: 'audit',
      scope: 'audit:read',
      everyMs: schedule.auditMs,
      async run() {
        const windowStartMs = clock() - schedule.auditWindowDays * dayMs;
        // Fields are searchable as soon as a page is written; full text follows, even after a failure.
        let indexed = 0;
        const { fetched } = await syncAuditFeed({ db, client, report, signal, pageSize: 1000, windowStartMs, ...(feedWorker === undefined ? {} : { feedWorker }) }).finally(() => {
          indexed = indexAuditText(db, { batchSize: 20_000 });
        });
        let pruned = 0;
        const now = clock();
        if (now - prunedAt >= schedule.pruneMs) {
          pruned = pruneCache(db, { auditMaxAgeDays: schedule.auditWindowDays, maxBytes: 5e9, now }).auditDeleted;
          prunedAt = now;
        }
        return fetched > 0 || indexed > 0 || pruned > 0;
      },
    },
    ...queueSyncTasks(db, createOpsApiQueueSource(client), schedule, clock),
    ...snapshotTasks(db, client, schedule, clock),
    // After the connectors task: it asks the runs of the connections that list holds.
    connectionRunsSyncTask(db, client, schedule, clock),
    statusSyncTask(db, client, schedule, clock),
  ];
}
