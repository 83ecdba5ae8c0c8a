import type { Database } from 'better-sqlite3';
import type { HomeAuditEvent, HomeConnection, HomeGlance, HomePastDueTenant, HomeStatus } from '../../../shared/console-api/index.ts';
import type { Connection } from '../../../shared/ops-api/index.ts';
import { latenessOf } from '../connectors/connection-lateness.ts';
import { overallComponent } from './status-sync-task.ts';

const listed = 6;
const iso = (ms: number | null): string | null => (ms === null ? null : new Date(ms).toISOString());

/** Everything Home shows, read from the cache in one go; `now` decides which connections are late. */
export function homeGlance(db: Database, now: number): HomeGlance {
  return { status: platformStatus(db), connections: connectionsNeedingALook(db, now), billing: billingAtRisk(db), audit: recentFailures(db) };
}

function platformStatus(db: Database): HomeStatus | null {
  const rows = db.prepare('SELECT component, status, latency_ms, checked_at FROM platform_status ORDER BY component').all() as Array<{
    component: string;
    status: HomeStatus['overall'];
    latency_ms: number | null;
    checked_at: number | null;
  }>;
  const overall = rows.find((row) => row.component === overallComponent);
  if (overall === undefined) return null;
  return {
    overall: overall.status,
    components: rows.filter((row) => row !== overall).map((row) => ({ name: row.component, status: row.status, latencyMs: row.latency_ms, checkedAt: iso(row.checked_at) })),
  };
}

const statusRank: Record<Connection['status'], number> = { failing: 0, disconnected: 1, degraded: 2, paused: 3, healthy: 4 };

function connectionsNeedingALook(db: Database, now: number): HomeGlance['connections'] {
  const rows = db
    .prepare(
      `SELECT c.raw, coalesce(k.name, c.connector_id) AS connector_name, t.name AS tenant_name
       FROM connections c LEFT JOIN connectors k ON k.id = c.connector_id LEFT JOIN tenants t ON t.id = c.tenant_id`,
    )
    .all() as Array<{ raw: string; connector_name: string; tenant_name: string | null }>;
  const connections: HomeConnection[] = rows.map((row) => {
    const connection = JSON.parse(row.raw) as Connection;
    return {
      id: connection.id,
      connectorName: row.connector_name,
      tenantId: connection.tenant_id,
      tenantName: row.tenant_name,
      status: connection.status,
      lateness: latenessOf(connection, now),
      lastSuccessAt: connection.last_success_at,
    };
  });
  const late = (connection: HomeConnection) => !isBroken(connection.status) && (connection.lateness === 'late' || connection.lateness === 'stale');
  const needing = connections.filter((connection) => isBroken(connection.status) || late(connection));
  needing.sort((a, b) => statusRank[a.status] - statusRank[b.status] || (a.lastSuccessAt ?? '').localeCompare(b.lastSuccessAt ?? ''));
  return {
    total: connections.length,
    failing: connections.filter((connection) => connection.status === 'failing').length,
    disconnected: connections.filter((connection) => connection.status === 'disconnected').length,
    late: connections.filter(late).length,
    worst: needing.slice(0, listed),
  };
}

/** Failing or disconnected: counted as such, not as late too (the connectors view's rule says which are late or stale). */
const isBroken = (status: Connection['status']) => status === 'failing' || status === 'disconnected';

function billingAtRisk(db: Database): HomeGlance['billing'] {
  const mrr = db
    .prepare("SELECT currency, sum(mrr_cents) AS mrrCents, count(*) AS tenants FROM tenants WHERE mrr_cents > 0 GROUP BY currency ORDER BY sum(mrr_cents) DESC")
    .all() as HomeGlance['billing']['mrr'];
  const pastDue = db
    .prepare(
      `SELECT t.id, t.name, t.mrr_cents AS mrrCents, t.currency,
              coalesce((SELECT sum(i.amount_due_cents - i.amount_paid_cents) FROM invoices i WHERE i.tenant_id = t.id AND i.status = 'open'), 0) AS overdueCents
       FROM tenants t WHERE t.status = 'past_due' ORDER BY overdueCents DESC, t.mrr_cents DESC`,
    )
    .all() as HomePastDueTenant[];
  return { mrr, pastDueCount: pastDue.length, pastDue: pastDue.slice(0, listed) };
}

function recentFailures(db: Database): HomeAuditEvent[] {
  const newest = db.prepare('SELECT seq, ts, action, outcome, coalesce(actor_email, actor_id) AS actor, tenant_id FROM audit_events WHERE outcome = ? ORDER BY seq DESC LIMIT ?');
  const rows = (['failure', 'denied'] as const)
    .flatMap((outcome) => newest.all(outcome, listed) as Array<{ seq: number; ts: number; action: string; outcome: HomeAuditEvent['outcome']; actor: string; tenant_id: string | null }>)
    .sort((a, b) => b.seq - a.seq)
    .slice(0, listed);
  const tenantName = db.prepare('SELECT name FROM tenants WHERE id = ?').pluck();
  return rows.map((row) => ({
    seq: row.seq,
    occurredAt: new Date(row.ts).toISOString(),
    action: row.action,
    outcome: row.outcome,
    actor: row.actor,
    tenantId: row.tenant_id,
    tenantName: row.tenant_id === null ? null : ((tenantName.get(row.tenant_id) as string | undefined) ?? null),
  }));
}
