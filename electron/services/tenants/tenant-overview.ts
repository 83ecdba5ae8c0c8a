import type { Database } from 'better-sqlite3';
import type { TenantAuditEvent, TenantBillingView, TenantConnection, TenantFailedJob, TenantInvoice, TenantOverview, TenantUsageRow } from '../../../shared/console-api/index.ts';
import type { Connection, Invoice, TenantBilling, TenantUsage } from '../../../shared/ops-api/index.ts';
import { cardExpiryOf } from './card-expiry.ts';
import { listColumns, toListRow } from './tenant-directory.ts';
import type { ListRecord } from './tenant-directory.ts';

/** How many audit events and failed jobs the page lists; the totals say how many more the cache holds. */
const listed = 50;

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** Everything cached about one tenant, or null when the cache does not know it. */
export function tenantOverview(db: Database, id: string, now: number): TenantOverview | null {
  const record = db.prepare(`SELECT ${listColumns}, usage FROM tenants WHERE id = ?`).get(id) as (ListRecord & { usage: string | null }) | undefined;
  if (record === undefined) return null;
  const { usage, ...row } = record;
  return {
    tenant: { ...toListRow(row), usage: usage === null ? null : (JSON.parse(usage) as TenantUsage[]).map(usageRow) },
    billing: billingOf(db, id, now),
    audit: {
      events: (db.prepare(`SELECT seq, ts, coalesce(actor_email, actor_id) AS actor, action, target_type, target_id, json_extract(raw, '$.target.name') AS target_name, outcome
                           FROM audit_events WHERE tenant_id = ? ORDER BY seq DESC LIMIT ${listed}`).all(id) as AuditRecord[]).map(auditEvent),
      total: db.prepare('SELECT count(*) FROM audit_events WHERE tenant_id = ?').pluck().get(id) as number,
    },
    connections: (db.prepare(`SELECT c.raw, coalesce(k.name, c.connector_id) AS connectorName FROM connections AS c LEFT JOIN connectors AS k ON k.id = c.connector_id
                              WHERE c.tenant_id = ? ORDER BY ${worstFirst}, k.name`).all(id) as Array<{ raw: string; connectorName: string }>).map(connectionOf),
    failedJobs: {
      jobs: (db.prepare(`SELECT queue, id, name, failed_reason AS reason, attempts_made AS attemptsMade, finished_at AS finishedAt FROM failed_jobs
                         WHERE tenant_id = ? ORDER BY coalesce(finished_at, -1) DESC, id DESC LIMIT ${listed}`).all(id) as Array<Omit<TenantFailedJob, 'finishedAt'> & { finishedAt: number | null }>)
        .map((job) => ({ ...job, finishedAt: iso(job.finishedAt) })),
      total: db.prepare('SELECT count(*) FROM failed_jobs WHERE tenant_id = ?').pluck().get(id) as number,
    },
  };
}

const worstFirst = `CASE c.status WHEN 'failing' THEN 0 WHEN 'disconnected' THEN 1 WHEN 'degraded' THEN 2 WHEN 'paused' THEN 3 ELSE 4 END`;

const usageRow = (usage: TenantUsage): TenantUsageRow => ({ metric: usage.metric, used: usage.used, limit: usage.limit, periodEnd: usage.period_end });

function billingOf(db: Database, tenantId: string, now: number): TenantBillingView | null {
  const cached = db.prepare('SELECT fetched_at AS fetchedAt, raw FROM tenant_billing WHERE tenant_id = ?').get(tenantId) as { fetchedAt: number; raw: string } | undefined;
  if (cached === undefined) return null;
  const billing = JSON.parse(cached.raw) as TenantBilling;
  const { subscription: sub, payment_method: card, upcoming_invoice: upcoming } = billing;
  return {
    fetchedAt: new Date(cached.fetchedAt).toISOString(),
    subscription:
      sub === null
        ? null
        : { status: sub.status, planName: sub.plan.name, interval: sub.interval, currentPeriodStart: sub.current_period_start, currentPeriodEnd: sub.current_period_end, cancelAt: sub.cancel_at, trialEnd: sub.trial_end },
    paymentMethod: card === null ? null : { brand: card.brand, last4: card.last4, expMonth: card.exp_month, expYear: card.exp_year, expiry: cardExpiryOf({ expMonth: card.exp_month, expYear: card.exp_year }, now) },
    invoices: billing.invoices.map((invoice) => invoiceOf(invoice, now)).sort(byUrgency),
    upcomingInvoice: upcoming === null ? null : { amountDueCents: upcoming.amount_due_cents, at: upcoming.at },
    mrrHistory: billing.mrr_history.map((point) => ({ month: point.month, mrrCents: point.mrr_cents })),
  };
}

function invoiceOf(invoice: Invoice, now: number): TenantInvoice {
  return {
    id: invoice.id,
    number: invoice.number,
    status: invoice.status,
    pastDue: invoice.status === 'open' && invoice.due_at !== null && Date.parse(invoice.due_at) < now,
    amountDueCents: invoice.amount_due_cents,
    amountPaidCents: invoice.amount_paid_cents,
    currency: invoice.currency,
    createdAt: invoice.created_at,
    dueAt: invoice.due_at,
    paidAt: invoice.paid_at,
  };
}

const urgency = (invoice: TenantInvoice) => (invoice.pastDue ? 0 : invoice.status === 'open' ? 1 : 2);
const byUrgency = (a: TenantInvoice, b: TenantInvoice) => urgency(a) - urgency(b) || Date.parse(b.createdAt) - Date.parse(a.createdAt);

interface AuditRecord {
  seq: number;
  ts: number;
  actor: string;
  action: string;
  target_type: string | null;
  target_id: string | null;
  target_name: string | null;
  outcome: TenantAuditEvent['outcome'];
}

const auditEvent = (record: AuditRecord): TenantAuditEvent => ({
  seq: record.seq,
  occurredAt: new Date(record.ts).toISOString(),
  actor: record.actor,
  action: record.action,
  target: record.target_id === null ? null : (record.target_name ?? `${record.target_type}:${record.target_id}`),
  outcome: record.outcome,
});

function connectionOf({ raw, connectorName }: { raw: string; connectorName: string }): TenantConnection {
  const connection = JSON.parse(raw) as Connection;
  return {
    id: connection.id,
    connectorId: connection.connector_id,
    connectorName,
    status: connection.status,
    lastSyncAt: connection.last_sync_at,
    lastSuccessAt: connection.last_success_at,
    errorRate24h: connection.error_rate_24h,
    lastError: connection.last_error === null ? null : `${connection.last_error.code}: ${connection.last_error.message}`,
  };
}
