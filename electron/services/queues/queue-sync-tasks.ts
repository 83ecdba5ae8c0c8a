import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import { failedJobsTable, liveSample, queueSamplesTable, queuesTable } from '../cache/cache-tables.ts';
import type { QueueSample } from '../cache/cache-tables.ts';
import { rebuiltText, rowsOf, staleRowsOf, writeSynced } from '../cache/synced-rows.ts';
import type { SyncSchedule } from '../sync/sync-schedule.ts';
import type { SyncTask } from '../sync/sync-task.ts';
import type { QueueSource } from './queue-source.ts';

const dayMs = 86_400_000;
/** Failed jobs cached per queue: the newest. */
const failedJobsKept = 1_000;

/**
 * Queues and their failed jobs, refreshed from a source on a schedule. Each refresh is the
 * whole list, so what the source no longer has is deleted in the same transaction.
 */
export function queueSyncTasks(db: Database, source: QueueSource, schedule: SyncSchedule, clock: Clock): SyncTask[] {
  const mark = (resource: SyncTask['resource']) => ({ resource, cursor: null, at: clock() });
  return [
    {
      resource: 'queues',
      scope: 'queues:read',
      everyMs: schedule.queuesMs,
      async run() {
        const queues = await source.listQueues();
        const backfill = await Promise.all(queues.map((queue) => missedHistory(db, source, queue.name, clock())));
        writeSynced(db, mark('queues'), [rowsOf(queuesTable, queues), staleRowsOf(queuesTable), rowsOf(queueSamplesTable, [...backfill.flat(), ...queues.map(liveSample)])]);
        return true;
      },
    },
    {
      resource: 'failed-jobs',
      scope: 'queues:read',
      everyMs: schedule.failedJobsMs,
      async run() {
        const queues = await source.listQueues();
        const jobs = await Promise.all(queues.map((queue) => source.failedJobs(queue.name, failedJobsKept)));
        writeSynced(db, mark('failed-jobs'), [rowsOf(failedJobsTable, jobs.flat()), staleRowsOf(failedJobsTable), rebuiltText('failed_jobs_text')]);
        return true;
      },
    },
  ];
}

/**
 * The history the cache missed while Opsdeck was not running, where the source keeps one: from
 * the newest cached sample (at most a week back) until now.
 */
async function missedHistory(db: Database, source: QueueSource, queue: string, now: number): Promise<QueueSample[]> {
  if (source.history === undefined) return [];
  const newest = db.prepare('SELECT max(at) FROM queue_samples WHERE queue = ?').pluck().get(queue) as number | null;
  // Just under a week: 60 s steps must stay within the 10,000 points a metrics request may return.
  const from = Math.max(newest ?? 0, now - 6.9 * dayMs);
  if (now - from < 60_000) return [];
  const stepS = now - from <= dayMs ? 10 : 60;
  const points = await source.history(queue, from, now, stepS);
  return points.map((point) => ({ queue, resolutionS: stepS, point }));
}
