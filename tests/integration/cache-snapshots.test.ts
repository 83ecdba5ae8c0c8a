import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { billingRows, connectionRunsTable, connectionsTable, connectorsTable, failedJobsTable, liveSample, queueSamplesTable, queuesTable, tenantsTable } from '../../electron/services/cache/cache-tables.ts';
import { markSyncFailed, readSyncState } from '../../electron/services/cache/sync-state.ts';
import { rowsOf, writeSynced } from '../../electron/services/cache/synced-rows.ts';
import { connection, connectionRun, connector, job, queue, tenant, tenantBilling } from '../../shared/ops-api/index.ts';
import type { Invoice, TenantBilling } from '../../shared/ops-api/index.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';

const at = Date.parse('2026-11-23T12:00:00.000Z');
const iso = '2026-11-23T11:59:50.000Z';

const acme = tenant.parse({
  id: 'ten_acme', name: 'Acme', slug: 'acme', status: 'past_due', plan: { id: 'growth', name: 'Growth' }, region: 'eu-north-1',
  seats: { used: 4, limit: 10 }, mrr_cents: 49_900, currency: 'usd', created_at: '2025-01-02T03:04:05.000Z', owner_email: 'owner@acme.example',
});
const emails = queue.parse({
  name: 'emails', paused: false, workers: 3, counts: { waiting: 12, active: 3, delayed: 1, failed: 2, completed: 900, prioritized: 0 },
  throughput_per_min: 40, failed_per_min: 0.5, oldest_waiting_age_ms: 1200, processing_ms_p50: 80, processing_ms_p95: 300, sampled_at: iso,
});
const failed = job.parse({
  id: 'job_1', queue: 'emails', name: 'send-invoice', tenant_id: 'ten_acme', state: 'failed', attempts_made: 3, max_attempts: 3,
  created_at: iso, processed_at: iso, finished_at: iso, failed_reason: 'SMTP 451', stacktrace: ['at send'], data: { invoice: 'in_1' },
});
const invoice = (id: string): Invoice => ({
  id, number: id.toUpperCase(), status: 'open', amount_due_cents: 49_900, amount_paid_cents: 0, currency: 'usd', created_at: iso, due_at: null, paid_at: null,
});
const billing = (...invoiceIds: string[]): TenantBilling =>
  tenantBilling.parse({ subscription: null, payment_method: null, invoices: invoiceIds.map(invoice), upcoming_invoice: null, mrr_history: [] });
const hubspot = connector.parse({ id: 'hubspot', name: 'HubSpot', category: 'crm', connections: { total: 1, healthy: 0, degraded: 0, failing: 1, disconnected: 0, paused: 0 } });
const link = connection.parse({
  id: 'con_1', connector_id: 'hubspot', tenant_id: 'ten_acme', status: 'failing', last_sync_at: iso, last_success_at: null, next_sync_at: null,
  sync_interval_s: 900, records_synced_24h: 0, error_rate_24h: 1, latency_ms_p95: null, last_error: { at: iso, code: 'auth', message: 'token expired' },
});
const run = connectionRun.parse({ id: 'run_1', started_at: iso, finished_at: iso, status: 'failed', records: 0, duration_ms: 1200, error: 'token expired' });

describe('snapshot resources in the cache', () => {
  let cache: ReturnType<typeof makeCacheDb>;
  let db: Database;
  const all = (sql: string) => db.prepare(sql).all();
  beforeEach(() => {
    cache = makeCacheDb();
    db = cache.db;
  });
  afterEach(() => cache.remove());

  it('stores every resource with its raw JSON and indexed columns, and the sync state with it', () => {
    writeSynced(db, { resource: 'queues', cursor: null, at }, [rowsOf(queuesTable, [emails]), rowsOf(queueSamplesTable, [liveSample(emails)]), rowsOf(failedJobsTable, [failed])]);
    writeSynced(db, { resource: 'tenants', cursor: 'page-2', at }, [rowsOf(tenantsTable, [acme])]);
    writeSynced(db, { resource: 'billing', cursor: null, at }, billingRows({ tenantId: 'ten_acme', billing: billing('in_1', 'in_2') }));
    writeSynced(db, { resource: 'connectors', cursor: null, at }, [
      rowsOf(connectorsTable, [hubspot]),
      rowsOf(connectionsTable, [link]),
      rowsOf(connectionRunsTable, [{ connectionId: 'con_1', run }]),
    ]);

    expect(all('SELECT name, paused, waiting, failed, sampled_at, raw FROM queues')).toEqual([
      { name: 'emails', paused: 0, waiting: 12, failed: 2, sampled_at: Date.parse(iso), raw: JSON.stringify(emails) },
    ]);
    expect(all('SELECT queue, at, resolution_s, waiting, completed_per_min FROM queue_samples')).toEqual([
      { queue: 'emails', at: Date.parse(iso), resolution_s: 10, waiting: 12, completed_per_min: 40 },
    ]);
    expect(all('SELECT queue, id, tenant_id, failed_reason, finished_at FROM failed_jobs')).toEqual([
      { queue: 'emails', id: 'job_1', tenant_id: 'ten_acme', failed_reason: 'SMTP 451', finished_at: Date.parse(iso) },
    ]);
    expect(all('SELECT id, slug, status, plan_id, mrr_cents, synced_at FROM tenants')).toEqual([
      { id: 'ten_acme', slug: 'acme', status: 'past_due', plan_id: 'growth', mrr_cents: 49_900, synced_at: at },
    ]);
    expect(all('SELECT id, tenant_id, status FROM invoices ORDER BY id')).toEqual([
      { id: 'in_1', tenant_id: 'ten_acme', status: 'open' },
      { id: 'in_2', tenant_id: 'ten_acme', status: 'open' },
    ]);
    expect(all('SELECT connector_id, tenant_id, status FROM connections')).toEqual([{ connector_id: 'hubspot', tenant_id: 'ten_acme', status: 'failing' }]);
    expect(all('SELECT connection_id, status FROM connection_runs')).toEqual([{ connection_id: 'con_1', status: 'failed' }]);
    expect(readSyncState(db).map(({ resource, cursor, lastSuccessAt }) => ({ resource, cursor, lastSuccessAt }))).toEqual([
      { resource: 'billing', cursor: null, lastSuccessAt: at },
      { resource: 'connectors', cursor: null, lastSuccessAt: at },
      { resource: 'queues', cursor: null, lastSuccessAt: at },
      { resource: 'tenants', cursor: 'page-2', lastSuccessAt: at },
    ]);
  });

  it('replaces a snapshot with the newer one, dropping invoices no longer listed', () => {
    writeSynced(db, { resource: 'billing', cursor: null, at }, billingRows({ tenantId: 'ten_acme', billing: billing('in_1', 'in_2') }));
    writeSynced(db, { resource: 'tenants', cursor: null, at }, [rowsOf(tenantsTable, [acme])]);
    writeSynced(db, { resource: 'billing', cursor: null, at: at + 1 }, billingRows({ tenantId: 'ten_acme', billing: billing('in_2', 'in_3') }));
    writeSynced(db, { resource: 'tenants', cursor: null, at: at + 1 }, [rowsOf(tenantsTable, [{ ...acme, status: 'active' }])]);
    expect(all('SELECT id FROM invoices ORDER BY id')).toEqual([{ id: 'in_2' }, { id: 'in_3' }]);
    expect(all('SELECT tenant_id, fetched_at FROM tenant_billing')).toEqual([{ tenant_id: 'ten_acme', fetched_at: at + 1 }]);
    expect(all('SELECT status, synced_at FROM tenants')).toEqual([{ status: 'active', synced_at: at + 1 }]);
  });

  it('records a failure without losing the cursor, and a later success clears it', () => {
    writeSynced(db, { resource: 'tenants', cursor: 'page-3', at }, [rowsOf(tenantsTable, [acme])]);
    markSyncFailed(db, 'tenants', 'Ops API unreachable', at + 5);
    expect(readSyncState(db)).toEqual([
      { resource: 'tenants', cursor: 'page-3', lastSuccessAt: at, lastAttemptAt: at + 5, lastError: 'Ops API unreachable', lastErrorAt: at + 5, ftsIndexedUpto: 0 },
    ]);
    writeSynced(db, { resource: 'tenants', cursor: null, at: at + 9 }, [rowsOf(tenantsTable, [acme])]);
    expect(readSyncState(db)).toEqual([
      { resource: 'tenants', cursor: null, lastSuccessAt: at + 9, lastAttemptAt: at + 9, lastError: null, lastErrorAt: null, ftsIndexedUpto: 0 },
    ]);
  });
});
