import { AuditLedger } from '../audit-ledger.ts';
import { createDemoTokens } from '../auth.ts';
import type { DemoTokens } from '../auth.ts';
import type { PlatformDb } from '../db/schema.ts';
import { finishBulkLoad } from '../db/schema.ts';
import { generateAuditEvents } from './audit.ts';
import type { LinksOf } from './audit.ts';
import type { DemoLink } from './audit-actions.ts';
import { inBatches } from './batches.ts';
import { generateBilling, upcomingInvoice } from './billing.ts';
import { connectorName, connectorSpecs, generateConnections } from './connectors.ts';
import { generateAuditKey } from './keys.ts';
import { queueSpecs } from './queue-catalog.ts';
import { generateJobs, generateMetrics } from './queues.ts';
import type { MetricRow } from './queues.ts';
import { Random } from './random.ts';
import type { DemoTenant } from './tenants.ts';
import { generateTenants } from './tenants.ts';
import { dayMs, iso } from './time.ts';

export interface DemoDataOptions {
  seed: number;
  tenants: number;
  events: number;
  /** The moment the data set ends; same seed and same `now` give the same data. */
  now: number;
}

/** What identifies a data set (with `now`): a database is reused only for the same key. */
export function demoParamsKey({ seed, tenants, events }: Pick<DemoDataOptions, 'seed' | 'tenants' | 'events'>): string {
  return JSON.stringify({ seed, tenants, events });
}

/** Rows per transaction on the bulk path (10k-50k is the sweet spot, see TOOLCHAIN.md). */
const batchSize = 20_000;

/** The tenants of a data set, with the users and plans the database does not keep. */
export function demoTenants({ seed, tenants, now }: Pick<DemoDataOptions, 'seed' | 'tenants' | 'now'>): DemoTenant[] {
  return generateTenants(new Random(seed).fork('tenants'), tenants, now);
}

/** The options a filled database was generated with. */
export function storedDemoOptions(db: PlatformDb): DemoDataOptions {
  const meta = new Map((db.prepare('SELECT key, value FROM meta').all() as Array<{ key: string; value: string }>).map((row) => [row.key, row.value]));
  const params = JSON.parse(meta.get('params') ?? 'null') as Omit<DemoDataOptions, 'now'> | null;
  const now = Date.parse(meta.get('now') ?? '');
  if (params === null || Number.isNaN(now)) throw new Error('the platform database has no demo data parameters');
  return { ...params, now };
}

/** Fills an empty platform database with the demo data set. */
export function generateDemoData(db: PlatformDb, options: DemoDataOptions): { tokens: DemoTokens; tenants: DemoTenant[] } {
  const root = new Random(options.seed);
  const tenants = demoTenants(options);
  const { tokens, linksOf } = db.transaction(() => {
    const created = createDemoTokens(db);
    insertKeys(db, root.fork('keys'), options.now);
    insertTenants(db, root.fork('billing'), tenants, options.now);
    insertQueues(db, root.fork('queues'), tenants, options.now);
    return { tokens: created, linksOf: insertConnectors(db, root.fork('connectors'), tenants, options.now) };
  })();
  insertMetrics(db, root.fork('metrics'), options.now);
  insertAuditEvents(db, root.fork('audit'), tenants, options, linksOf);
  finishBulkLoad(db);
  const meta = db.prepare('INSERT INTO meta (key, value) VALUES (?, ?)');
  db.transaction(() => {
    meta.run('params', demoParamsKey(options));
    meta.run('now', iso(options.now));
    meta.run('seeded_at', iso(options.now));
      })();
  return { tokens, tenants };
}

function insertKeys(db: PlatformDb, random: Random, now: number): void {
  const insert = db.prepare('INSERT INTO audit_keys (key_id, public_key_pem, private_key_pem, created_at) VALUES (?, ?, ?, ?)');
  for (const [keyId, age] of [['ak_2026_01', 300], ['ak_2026_07', 120]] as const) {
    const key = generateAuditKey(random, keyId, iso(now - age * dayMs));
    insert.run(key.key_id, key.public_key_pem, key.private_key_pem, key.created_at);
  }
}

function insertTenants(db: PlatformDb, random: Random, tenants: DemoTenant[], now: number): void {
  const tenant = db.prepare(
    'INSERT INTO tenants (id, name, slug, status, plan_id, region, seats_used, seats_limit, mrr_cents, currency, created_at, owner_email) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const usage = db.prepare('INSERT INTO tenant_usage (tenant_id, metric, used, usage_limit, period_end) VALUES (?, ?, ?, ?, ?)');
  const mrr = db.prepare('INSERT INTO mrr_history (tenant_id, month, mrr_cents) VALUES (?, ?, ?)');
  const subscription = db.prepare(
    'INSERT INTO subscriptions (tenant_id, id, status, plan_id, interval, current_period_start, current_period_end, cancel_at, trial_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const payment = db.prepare('INSERT INTO payment_methods (tenant_id, brand, last4, exp_month, exp_year) VALUES (?, ?, ?, ?, ?)');
  const invoice = db.prepare(
    'INSERT INTO invoices (id, tenant_id, number, status, amount_due_cents, amount_paid_cents, currency, created_at, due_at, paid_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const upcoming = db.prepare('INSERT INTO upcoming_invoices (tenant_id, amount_due_cents, at) VALUES (?, ?, ?)');
  const invoiceCounter = { next: 1 };
  const periodEnd = iso(Date.UTC(new Date(now).getUTCFullYear(), new Date(now).getUTCMonth() + 1, 1));
  for (const t of tenants) {
    tenant.run(t.id, t.name, t.slug, t.status, t.plan.id, t.region, t.seats_used, t.plan.seats, t.mrr_cents, t.currency, iso(t.created_ms), t.users[0]!.email);
    const activity = t.status === 'churned' || t.status === 'suspended' ? 0 : 0.2 + random.next() * 0.9;
    usage.run(t.id, 'api_calls', Math.round(t.plan.api_calls * activity), t.plan.api_calls, periodEnd);
    usage.run(t.id, 'storage_gb', Math.round(t.plan.storage_gb * activity * 0.7 * 10) / 10, t.plan.storage_gb, periodEnd);
    usage.run(t.id, 'reports_generated', Math.round(400 * activity), null, periodEnd);
    usage.run(t.id, 'seats', t.seats_used, t.plan.seats, periodEnd);
    for (const month of t.history) mrr.run(t.id, month.month, month.mrr_cents);
    const billing = generateBilling(random, t, now, invoiceCounter);
    const s = billing.subscription;
    if (s) subscription.run(t.id, s.id, s.status, s.plan.id, s.interval, s.current_period_start, s.current_period_end, s.cancel_at, s.trial_end);
    const p = billing.payment_method;
    if (p) payment.run(t.id, p.brand, p.last4, p.exp_month, p.exp_year);
    for (const i of billing.invoices) invoice.run(i.id, t.id, i.number, i.status, i.amount_due_cents, i.amount_paid_cents, i.currency, i.created_at, i.due_at, i.paid_at);
    const next = upcomingInvoice(t, now);
    if (next) upcoming.run(t.id, next.amount_due_cents, next.at);
  }
}

function insertQueues(db: PlatformDb, random: Random, tenants: DemoTenant[], now: number): void {
  const queue = db.prepare('INSERT INTO queues (name, paused, workers, processing_ms_p50, processing_ms_p95) VALUES (?, 0, ?, ?, ?)');
  for (const spec of queueSpecs) queue.run(spec.name, spec.workers, spec.processing_ms_p50, spec.processing_ms_p95);
  const job = db.prepare(
    'INSERT INTO jobs (id, queue, name, tenant_id, state, attempts_made, max_attempts, created_at, processed_at, finished_at, failed_reason, stacktrace, data) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const j of generateJobs(random, tenants, now)) {
    job.run(j.id, j.queue, j.name, j.tenant_id, j.state, j.attempts_made, j.max_attempts, j.created_at, j.processed_at, j.finished_at, j.failed_reason, j.stacktrace && JSON.stringify(j.stacktrace), JSON.stringify(j.data));
  }
}

function insertMetrics(db: PlatformDb, random: Random, now: number): void {
  const point = db.prepare(
    'INSERT INTO queue_metrics (queue, at_ms, waiting, active, delayed, failed, completed_per_min, failed_per_min, oldest_waiting_age_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const flush = db.transaction((rows: MetricRow[]) => {
    for (const m of rows) point.run(m.queue, m.at_ms, m.waiting, m.active, m.delayed, m.failed, m.completed_per_min, m.failed_per_min, m.oldest_waiting_age_ms);
  });
  inBatches(generateMetrics(random, now), batchSize, flush);
}

/** Writes the connectors and each tenant's connections with their runs; gives each tenant's connections. */
function insertConnectors(db: PlatformDb, random: Random, tenants: DemoTenant[], now: number): LinksOf {
  const connector = db.prepare('INSERT INTO connectors (id, name, category) VALUES (?, ?, ?)');
  for (const spec of connectorSpecs) connector.run(spec.id, spec.name, spec.category);
  const connection = db.prepare(
    'INSERT INTO connections (id, connector_id, tenant_id, status, last_sync_at, last_success_at, next_sync_at, sync_interval_s, records_synced_24h, error_rate_24h, latency_ms_p95, last_error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const run = db.prepare('INSERT INTO connection_runs (id, connection_id, started_at, finished_at, status, records, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
  const links = new Map<string, DemoLink[]>();
  for (const { connection: c, runs } of generateConnections(random, tenants, now)) {
    links.set(c.tenant_id, [...(links.get(c.tenant_id) ?? []), { id: c.id, name: connectorName(c.connector_id) }]);
    connection.run(c.id, c.connector_id, c.tenant_id, c.status, c.last_sync_at, c.last_success_at, c.next_sync_at, c.sync_interval_s, c.records_synced_24h, c.error_rate_24h, c.latency_ms_p95, c.last_error && JSON.stringify(c.last_error));
    for (const r of runs) run.run(r.id, c.id, r.started_at, r.finished_at, r.status, r.records, r.duration_ms, r.error);
  }
  return (tenantId) => links.get(tenantId) ?? [];
}

function insertAuditEvents(db: PlatformDb, random: Random, tenants: DemoTenant[], options: DemoDataOptions, linksOf: LinksOf): void {
  const ledger = new AuditLedger(db);
  inBatches(generateAuditEvents(random, tenants, options.events, options.now, linksOf), batchSize, (batch) => ledger.append(batch));
}
