import type { UnsealedEvent } from './demo-data/audit-actions.ts';
import { contextFor, eventFrom, tenantAt } from './demo-data/audit.ts';
import type { LinksOf } from './demo-data/audit.ts';
import { tenantActions } from './demo-data/audit-actions.ts';
import { queueSpecs, stacktraceOf } from './demo-data/queue-catalog.ts';
import type { QueueSpec } from './demo-data/queue-catalog.ts';
import { connectorName, connectorSpecs } from './demo-data/connectors.ts';
import { completedRetained, generateJob } from './demo-data/queues.ts';
import { Random } from './demo-data/random.ts';
import { demoTenants, storedDemoOptions } from './demo-data/generate.ts';
import type { DemoTenant } from './demo-data/tenants.ts';
import { iso } from './demo-data/time.ts';
import type { PlatformContext } from './routes/handler.ts';

export interface LiveSimulator {
  stop(): void;
}

/** One connector incident cycle, in ticks: healthy, then failing, then recovered. */
const incidentCycle = { length: 180, failsAt: 40, recoversAt: 120 };

/**
 * Keeps the platform moving, one tick a second: new audit events, queues whose backlog rises
 * and drains (and grows while paused), jobs that fail, one connection that fails and recovers.
 */
export function startLiveSimulator(platform: PlatformContext, tickMs = 1_000): LiveSimulator {
  const options = storedDemoOptions(platform.db);
  // A database can be reused by later runs: each run's ids must differ from every earlier one's.
  const random = new Random(options.seed).fork(`live-${platform.now()}`);
  const tenants = demoTenants(options);
  const linkOf = platform.db.prepare('SELECT id, connector_id FROM connections WHERE tenant_id = ? ORDER BY rowid');
  const linksOf: LinksOf = (tenantId) =>
    (linkOf.all(tenantId) as Array<{ id: string; connector_id: string }>).map((row) => ({ id: row.id, name: connectorName(row.connector_id) }));
  const incident = incidentConnection(platform);
  const rates: Rates = new Map();
  let tick = 0;
  const timer = setInterval(() => {
    const now = platform.now();
    platform.db.transaction(() => {
      for (const spec of queueSpecs) moveQueue(platform, random, spec, tenants, rates, tick, now);
      if (incident !== undefined) moveIncident(platform, random, incident, tick, now);
    })();
    platform.ledger.append(newEvents(random, tenants, linksOf, now));
    tick += 1;
  }, tickMs);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}

function newEvents(random: Random, tenants: DemoTenant[], linksOf: LinksOf, now: number): UnsealedEvent[] {
  return Array.from({ length: random.int(1, 3) }, () => {
    const tenant = tenantAt(random, tenants, now) ?? random.pick(tenants);
    return eventFrom(random, random.weighted(tenantActions)(contextFor(random, tenant, linksOf(tenant.id))), tenant.id, now);
  });
}

/** Per-minute rates smoothed over the last minute or so of ticks. */
type Rates = Map<string, { completed: number; failed: number }>;

function moveQueue(platform: PlatformContext, random: Random, spec: QueueSpec, tenants: DemoTenant[], rates: Rates, tick: number, now: number): void {
  const { db } = platform;
  const paused = (db.prepare('SELECT paused FROM queues WHERE name = ?').pluck().get(spec.name) as number) === 1;
  // A five-minute wave: arrivals outrun the workers for half of it, then the backlog drains.
  const wave = 1 + 0.9 * Math.sin((2 * Math.PI * (tick + spec.name.length * 17)) / 300);
  const arrivals = Math.floor((spec.rate_per_min / 60) * wave * (0.5 + random.next()) + random.next());
  const insert = db.prepare(
    "INSERT INTO jobs (id, queue, name, tenant_id, state, attempts_made, max_attempts, created_at, processed_at, finished_at, failed_reason, stacktrace, data) VALUES (?, ?, ?, ?, 'waiting', 0, ?, ?, NULL, NULL, NULL, NULL, ?)",
  );
  for (let index = 0; index < arrivals; index++) {
    const job = generateJob(random, spec, random.pick(tenants), 'waiting', now, now);
    insert.run(`${job.id}-${tick}`, spec.name, job.name, job.tenant_id, spec.max_attempts, job.created_at, JSON.stringify(job.data));
  }
  let completed = 0;
  let failed = 0;
  // Jobs already taken by a worker finish even while the queue is paused, as in BullMQ.
  db.prepare("UPDATE jobs SET state = 'completed', attempts_made = attempts_made + 1, finished_at = ? WHERE queue = ? AND state = 'active'").run(iso(now), spec.name);
  if (!paused) {
    const capacity = Math.floor((spec.rate_per_min / 60) * (0.8 + 0.4 * random.next()) + random.next());
    const picked = db.prepare("SELECT rowid FROM jobs WHERE queue = ? AND state = 'waiting' ORDER BY rowid LIMIT ?").pluck().all(spec.name, capacity) as number[];
    for (const rowid of picked) {
      if (random.chance(0.01)) {
        const failure = random.pick(spec.failures);
        db.prepare("UPDATE jobs SET state = 'failed', attempts_made = max_attempts, processed_at = ?, finished_at = ?, failed_reason = ?, stacktrace = ? WHERE rowid = ?").run(
          iso(now), iso(now), failure.reason, JSON.stringify(stacktraceOf(failure, spec.max_attempts)), rowid,
        );
        failed += 1;
      } else {
        db.prepare("UPDATE jobs SET state = 'active', processed_at = ? WHERE rowid = ?").run(iso(now), rowid);
        completed += 1;
      }
    }
    db.prepare(
      "DELETE FROM jobs WHERE queue = ? AND state = 'completed' AND rowid NOT IN (SELECT rowid FROM jobs WHERE queue = ? AND state = 'completed' ORDER BY rowid DESC LIMIT ?)",
    ).run(spec.name, spec.name, completedRetained);
  }
  const previous = rates.get(spec.name) ?? { completed: spec.rate_per_min, failed: 0 };
  const rate = { completed: previous.completed * 0.95 + completed * 60 * 0.05, failed: previous.failed * 0.95 + failed * 60 * 0.05 };
  rates.set(spec.name, rate);
  const counts = db.prepare("SELECT sum(state = 'waiting') AS waiting, sum(state = 'active') AS active, sum(state = 'delayed') AS delayed, sum(state = 'failed') AS failed, min(CASE WHEN state = 'waiting' THEN created_at END) AS oldest FROM jobs WHERE queue = ?").get(spec.name) as
    { waiting: number | null; active: number | null; delayed: number | null; failed: number | null; oldest: string | null };
  db.prepare(
    'INSERT OR REPLACE INTO queue_metrics (queue, at_ms, waiting, active, delayed, failed, completed_per_min, failed_per_min, oldest_waiting_age_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(spec.name, now, counts.waiting ?? 0, counts.active ?? 0, counts.delayed ?? 0, counts.failed ?? 0, Math.round(rate.completed * 10) / 10, Math.round(rate.failed * 10) / 10, counts.oldest === null ? null : now - Date.parse(counts.oldest));
}

interface Incident {
  connectionId: string;
  error: readonly [code: string, message: string];
}

/** A healthy connection to take through the incident, HubSpot if there is one. */
function incidentConnection(platform: PlatformContext): Incident | undefined {
  const row = platform.db.prepare("SELECT id, connector_id FROM connections WHERE status = 'healthy' ORDER BY connector_id = 'hubspot' DESC, rowid LIMIT 1").get() as
    | { id: string; connector_id: string }
    | undefined;
  const spec = connectorSpecs.find((candidate) => candidate.id === row?.connector_id);
  return row && spec ? { connectionId: row.id, error: spec.errors[0]! } : undefined;
}

function moveIncident(platform: PlatformContext, random: Random, incident: Incident, tick: number, now: number): void {
  const phase = tick % incidentCycle.length;
  const failing = phase >= incidentCycle.failsAt && phase < incidentCycle.recoversAt;
  if (phase % 10 !== 0) return;
  const { connectionId, error: [code, message] } = incident;
  const duration = random.int(2_000, 20_000);
  const error = failing ? message : null;
  platform.db
    .prepare('INSERT INTO connection_runs (id, connection_id, started_at, finished_at, status, records, duration_ms, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
    .run(random.id('run_', 14), connectionId, iso(now - duration), iso(now), failing ? 'failed' : 'succeeded', failing ? 0 : random.int(50, 5_000), duration, error);
  platform.db
    .prepare(
      `UPDATE connections SET status = ?, last_sync_at = ?, next_sync_at = ?, error_rate_24h = ?,
       last_success_at = CASE WHEN ? THEN last_success_at ELSE ? END, last_error = CASE WHEN ? THEN ? ELSE last_error END WHERE id = ?`,
    )
    .run(failing ? 'failing' : 'healthy', iso(now - duration), iso(now + 10_000), failing ? 0.6 : 0.02, failing ? 1 : 0, iso(now), failing ? 1 : 0, JSON.stringify({ at: iso(now), code, message }), connectionId);
}
