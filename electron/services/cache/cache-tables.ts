// How each synced resource other than audit events is stored. Write them with
// writeSynced(db, mark, [rowsOf(table, items), ...]) so rows and sync state share a transaction.
import type { Connection, ConnectionRun, Connector, Invoice, Job, QueueMetricPoint, Tenant, TenantBilling } from '../../../shared/ops-api/index.ts';
import { failureGroupOf } from '../../../shared/queues/failure-reason.ts';
import type { QueueSnapshot } from '../../../shared/queues/queue-snapshot.ts';
import { jobSearchText } from './job-search-text.ts';
import { rowsOf, staleRowsOf } from './synced-rows.ts';
import type { CacheTable, RowsWrite } from './synced-rows.ts';

const ms = (iso: string): number => Date.parse(iso);
const msOrNull = (iso: string | null): number | null => (iso === null ? null : Date.parse(iso));

export const queuesTable: CacheTable<QueueSnapshot> = {
  name: 'queues',
  columns: ['name', 'paused', 'workers', 'waiting', 'active', 'delayed', 'failed', 'throughput_per_min', 'failed_per_min', 'oldest_waiting_age_ms', 'sampled_at', 'synced_at', 'raw'],
  replace: true,
  row: (queue, syncedAt) => ({
    name: queue.name,
    paused: queue.paused ? 1 : 0,
    workers: queue.workers,
    waiting: queue.counts.waiting,
    active: queue.counts.active,
    delayed: queue.counts.delayed,
    failed: queue.counts.failed,
    throughput_per_min: queue.throughput_per_min,
    failed_per_min: queue.failed_per_min,
    oldest_waiting_age_ms: queue.oldest_waiting_age_ms,
    sampled_at: ms(queue.sampled_at),
    synced_at: syncedAt,
    raw: JSON.stringify(queue),
  }),
};

/** One point of a queue's time series at a given resolution (10 s for live samples, step_s for backfill). */
export interface QueueSample {
  queue: string;
  resolutionS: number;
  point: QueueMetricPoint;
}

export const queueSamplesTable: CacheTable<QueueSample> = {
  name: 'queue_samples',
  columns: ['queue', 'at', 'resolution_s', 'waiting', 'active', 'delayed', 'failed', 'completed_per_min', 'failed_per_min', 'oldest_waiting_age_ms'],
  replace: true,
  row: ({ queue, resolutionS, point }) => ({
    queue,
    at: ms(point.at),
    resolution_s: resolutionS,
    waiting: point.waiting,
    active: point.active,
    delayed: point.delayed,
    failed: point.failed,
    completed_per_min: point.completed_per_min,
    failed_per_min: point.failed_per_min,
    oldest_waiting_age_ms: point.oldest_waiting_age_ms,
  }),
};

/** The live 10-second sample a `GET /v1/queues` snapshot amounts to. */
export function liveSample(queue: QueueSnapshot): QueueSample {
  const { counts } = queue;
  return {
    queue: queue.name,
    resolutionS: 10,
    point: {
      at: queue.sampled_at,
      waiting: counts.waiting,
      active: counts.active,
      delayed: counts.delayed,
      failed: counts.failed,
      completed_per_min: queue.throughput_per_min,
      failed_per_min: queue.failed_per_min,
      oldest_waiting_age_ms: queue.oldest_waiting_age_ms,
    },
  };
}

export const failedJobsTable: CacheTable<Job> = {
  name: 'failed_jobs',
  columns: ['queue', 'id', 'name', 'tenant_id', 'failed_reason', 'reason_group', 'search_text', 'attempts_made', 'finished_at', 'synced_at', 'raw'],
  replace: true,
  row: (job, syncedAt) => ({
    queue: job.queue,
    id: job.id,
    name: job.name,
    tenant_id: job.tenant_id,
    failed_reason: job.failed_reason,
    reason_group: failureGroupOf(job.failed_reason),
    search_text: jobSearchText(job),
    attempts_made: job.attempts_made,
    finished_at: msOrNull(job.finished_at),
    synced_at: syncedAt,
    raw: JSON.stringify(job),
  }),
};

export const tenantsTable: CacheTable<Tenant> = {
  name: 'tenants',
  columns: ['id', 'name', 'slug', 'status', 'plan_id', 'plan_name', 'region', 'owner_email', 'seats_used', 'seats_limit', 'mrr_cents', 'currency', 'created_at', 'usage', 'synced_at', 'raw'],
  replace: true,
  row: (tenant, syncedAt) => ({
    id: tenant.id,
    name: tenant.name,
    slug: tenant.slug,
    status: tenant.status,
    plan_id: tenant.plan.id,
    plan_name: tenant.plan.name,
    region: tenant.region,
    owner_email: tenant.owner_email,
    seats_used: tenant.seats.used,
    seats_limit: tenant.seats.limit,
    mrr_cents: tenant.mrr_cents,
    currency: tenant.currency,
    created_at: ms(tenant.created_at),
    // Only GET /v1/tenants/{id} has usage; a tenant listed but not fetched keeps NULL ("not known").
    usage: tenant.usage === undefined ? null : JSON.stringify(tenant.usage),
    synced_at: syncedAt,
    raw: JSON.stringify(tenant),
  }),
};

interface BillingOf {
  tenantId: string;
  billing: TenantBilling;
}

// Replacing the billing row deletes its invoices (ON DELETE CASCADE), so invoices that
// left the platform's list leave the cache too.
const tenantBillingTable: CacheTable<BillingOf> = {
  name: 'tenant_billing',
  columns: ['tenant_id', 'fetched_at', 'raw'],
  replace: true,
  row: ({ tenantId, billing }, syncedAt) => ({ tenant_id: tenantId, fetched_at: syncedAt, raw: JSON.stringify(billing) }),
};

const invoicesTable: CacheTable<{ tenantId: string; invoice: Invoice }> = {
  name: 'invoices',
  columns: ['id', 'tenant_id', 'number', 'status', 'amount_due_cents', 'amount_paid_cents', 'currency', 'created_at', 'due_at', 'paid_at', 'raw'],
  replace: true,
  row: ({ tenantId, invoice }) => ({
    id: invoice.id,
    tenant_id: tenantId,
    number: invoice.number,
    status: invoice.status,
    amount_due_cents: invoice.amount_due_cents,
    amount_paid_cents: invoice.amount_paid_cents,
    currency: invoice.currency,
    created_at: ms(invoice.created_at),
    due_at: msOrNull(invoice.due_at),
    paid_at: msOrNull(invoice.paid_at),
    raw: JSON.stringify(invoice),
  }),
};

const mrrHistoryTable: CacheTable<{ tenantId: string; point: TenantBilling['mrr_history'][number] }> = {
  name: 'mrr_history',
  columns: ['tenant_id', 'month', 'mrr_cents'],
  replace: true,
  row: ({ tenantId, point }) => ({ tenant_id: tenantId, month: point.month, mrr_cents: point.mrr_cents }),
};

/** A tenant's billing, its invoices and its MRR by month, billing first (the others refer to it). */
export function billingRows({ tenantId, billing }: BillingOf): RowsWrite[] {
  return [
    rowsOf(tenantBillingTable, [{ tenantId, billing }]),
    rowsOf(
      invoicesTable,
      billing.invoices.map((invoice) => ({ tenantId, invoice })),
    ),
    rowsOf(
      mrrHistoryTable,
      billing.mrr_history.map((point) => ({ tenantId, point })),
    ),
  ];
}

/** Billing of the tenants the latest billing refresh did not fetch (their invoices cascade). */
export const staleBillingRows = (): RowsWrite => staleRowsOf(tenantBillingTable, 'fetched_at');

export const connectorsTable: CacheTable<Connector> = {
  name: 'connectors',
  columns: ['id', 'name', 'category', 'synced_at', 'raw'],
  replace: true,
  row: (connector, syncedAt) => ({ id: connector.id, name: connector.name, category: connector.category, synced_at: syncedAt, raw: JSON.stringify(connector) }),
};

export const connectionsTable: CacheTable<Connection> = {
  name: 'connections',
  columns: ['id', 'connector_id', 'tenant_id', 'status', 'last_sync_at', 'error_rate_24h', 'synced_at', 'raw'],
  replace: true,
  row: (connection, syncedAt) => ({
    id: connection.id,
    connector_id: connection.connector_id,
    tenant_id: connection.tenant_id,
    status: connection.status,
    last_sync_at: msOrNull(connection.last_sync_at),
    error_rate_24h: connection.error_rate_24h,
    synced_at: syncedAt,
    raw: JSON.stringify(connection),
  }),
};

export const connectionRunsTable: CacheTable<{ connectionId: string; run: ConnectionRun }> = {
  name: 'connection_runs',
  columns: ['id', 'connection_id', 'started_at', 'finished_at', 'status', 'records', 'duration_ms', 'error', 'synced_at', 'raw'],
  replace: true,
  row: ({ connectionId, run }, syncedAt) => ({
    id: run.id,
    connection_id: connectionId,
    started_at: ms(run.started_at),
    finished_at: msOrNull(run.finished_at),
    status: run.status,
    records: run.records,
    duration_ms: run.duration_ms,
    error: run.error,
    synced_at: syncedAt,
    raw: JSON.stringify(run),
  }),
};
