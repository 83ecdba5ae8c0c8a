import { z } from 'zod';
import type { FailedJobRow, FailureGroup, QueueHistoryPoint, QueueSummary } from '../../../shared/console-api/index.ts';
import { queueAlertSettings, queuesMethods } from '../../../shared/console-api/index.ts';
import type { Job } from '../../../shared/ops-api/index.ts';
import { queryModule } from '../reader/query-module.ts';
import { method } from '../workers/rpc/protocol.ts';
import { failedJob, failedJobs, failureGroups, groupJobIds } from './failed-jobs.ts';
import { queueHistory } from './queue-history.ts';
import { queueSummaries } from './queue-summaries.ts';

type FailedJobsPage = { jobs: FailedJobRow[]; next: { finishedAt: number | null; id: string } | null };

/** Queue health from the cache, answered on a source's reader thread. */
export const queueQueries = queryModule(
  {
    'queues.summaries': method<QueueSummary[]>()(z.object({ alerts: queueAlertSettings })),
    'queues.history': method<{ stepMs: number; points: QueueHistoryPoint[] }>()(queuesMethods['queues/history'].input),
    'queues.failureGroups': method<{ groups: FailureGroup[]; total: number }>()(queuesMethods['queues/failure-groups'].input),
    'queues.failedJobs': method<FailedJobsPage>()(queuesMethods['queues/failed-jobs'].input),
    'queues.job': method<Job>()(queuesMethods['queues/job'].input),
    'queues.groupJobIds': method<string[]>()(queuesMethods['queues/group-job-ids'].input),
  },
  (db) => ({
    'queues.summaries': ({ alerts }) => queueSummaries(db, alerts),
    'queues.history': ({ queue, from, to, points }) => queueHistory(db, queue, from, to, points),
    'queues.failureGroups': ({ queue }) => failureGroups(db, queue),
    'queues.failedJobs': (input) => failedJobs(db, input),
    'queues.job': ({ queue, id }) => failedJob(db, queue, id),
    'queues.groupJobIds': ({ queue, group }) => groupJobIds(db, queue, group),
  }),
);
