import type { Database } from 'better-sqlite3';
import type { Clock } from '../../../shared/clock.ts';
import { billingRows, connectionsTable, connectorsTable, failedJobsTable, liveSample, queueSamplesTable, queuesTable, staleBillingRows, tenantsTable } from '../cache/cache-tables.ts';
import { rebuiltText, rowsOf, staleRowsOf, writeSynced } from '../cache/synced-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { allPages } from './all-pages.ts';
import type { SyncSchedule } from './sync-schedule.ts';
import type { SyncTask } from './sync-task.ts';

const dayMs = 86_400_000;

/**
 * Queues, failed jobs, tenants, billing and connectors: snapshots refreshed on a schedule. Each
 * refresh is the whole list, so what it no longer has is deleted in the same transaction.
 */
export function snapshotTasks(db: Database, client: OpsApiClient, schedule: SyncSchedule, clock: Clock): SyncTask[] {
  const mark = (resource: SyncTask['resource']) => ({ resource, cursor: null, at: clock() });
  return [
    {
      resource: 'queues',
      scope: 'queues:read',
      everyMs: schedule.queuesMs,
      async run() {
        const { data: queues } = await client.call('listQueues');
        const backfill = await Promise.all(queues.map((queue) => missedMetrics(db, client, queue.name, clock())));
        writeSynced(db, mark('queues'), [
          rowsOf(queuesTable, queues),
          staleRowsOf(queuesTable),
          rowsOf(queueSamplesTable, [...backfill.flat(), ...queues.map(liveSample)]),
        ]);
        return true;
      },
    },
    {
      resource: 'failed-jobs',
      scope: 'queues:read',
      everyMs: schedule.failedJobsMs,
      async run() {
        const { data: queues } = await client.call('listQueues');
        const jobs = await Promise.all(queues.map((queue) => allPages((cursor) => client.call('listJobs', { path: { name: queue.name }, query: { state: 'failed', limit: 1000, cursor } }), 1_000)));
        writeSynced(db, mark('failed-jobs'), [rowsOf(failedJobsTable, jobs.flat()), staleRowsOf(failedJobsTable), rebuiltText('failed_jobs_text')]);
        return true;
      },
    },
    {
      resource: 'tenants',
      scope: 'tenants:read',
      everyMs: schedule.directoryMs,
      async run() {
        const tenants = await allPages((cursor) => client.call('listTenants', { query: { limit: 1000, cursor } }));
        writeSynced(db, mark('tenants'), [rowsOf(tenantsTable, tenants), staleRowsOf(tenantsTable)]);
        return true;
      },
    },
    {
      resource: 'connectors',
      scope: 'connectors:read',
      everyMs: schedule.directoryMs,
      async run() {
        const [{ data: connectors }, connections] = await Promise.all([client.call('listConnectors'), allPages((cursor) => client.call('listConnections', { query: { limit: 1000, cursor } }))]);
        writeSynced(db, mark('connectors'), [rowsOf(connectorsTable, connectors), staleRowsOf(connectorsTable), rowsOf(connectionsTable, connections), staleRowsOf(connectionsTable)]);
        return true;
      },
    },
    {
      resource: 'billing',
      scope: 'billing:read',
      everyMs: schedule.billingMs,
      async run() {
        const tenants = db.prepare('SELECT id FROM tenants').pluck().all() as string[];
        const billing = [];
        for (const tenantId of tenants) billing.push({ tenantId, billing: await client.call('getTenantBilling', { path: { id: tenantId } }) });
        writeSynced(db, mark('billing'), [...billing.flatMap(billingRows), staleBillingRows()]);
        return true;
      },
    },
  ];
}

/**
 * The queue history the cache missed while Opsdeck was not running: the platform's metrics
 * from the newest cached sample (at most a week back) until now.
 */
async function missedMetrics(db: Database, client: OpsApiClient, queue: string, now: number) {
  const newest = db.prepare('SELECT max(at) FROM queue_samples WHERE queue = ?').pluck().get(queue) as number | null;
  // Just under a week: 60 s steps must stay within the 10,000 points a metrics request may return.
  const from = Math.max(newest ?? 0, now - 6.9 * dayMs);
  if (now - from < 60_000) return [];
  const stepS = now - from <= dayMs ? 10 : 60;
  const { points } = await client.call('getQueueMetrics', {
    path: { name: queue },
    query: { from: new Date(from).toISOString(), to: new Date(now).toISOString(), step_s: stepS },
  });
  return points.map((point) => ({ queue, resolutionS: stepS, point }));
}
