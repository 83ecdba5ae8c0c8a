import Database from 'better-sqlite3';

/** Tables of the reference platform. Indexes are created after the bulk load (see createIndexes). */
const tables = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE tokens (token TEXT PRIMARY KEY, subject_id TEXT NOT NULL, email TEXT NOT NULL, name TEXT NOT NULL, scopes TEXT NOT NULL);
CREATE TABLE audit_keys (key_id TEXT PRIMARY KEY, public_key_pem TEXT NOT NULL, private_key_pem TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY, id TEXT NOT NULL, occurred_at TEXT NOT NULL, tenant_id TEXT,
  actor_id TEXT NOT NULL, actor_email TEXT, action TEXT NOT NULL, outcome TEXT NOT NULL,
  hash TEXT NOT NULL, body TEXT NOT NULL
);
CREATE TABLE tenants (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, slug TEXT NOT NULL, status TEXT NOT NULL, plan_id TEXT NOT NULL,
  region TEXT NOT NULL, seats_used INTEGER NOT NULL, seats_limit INTEGER NOT NULL, mrr_cents INTEGER NOT NULL,
  currency TEXT NOT NULL, created_at TEXT NOT NULL, owner_email TEXT NOT NULL
);
CREATE TABLE tenant_usage (tenant_id TEXT NOT NULL, metric TEXT NOT NULL, used REAL NOT NULL, usage_limit REAL, period_end TEXT NOT NULL);
CREATE TABLE subscriptions (
  tenant_id TEXT PRIMARY KEY, id TEXT NOT NULL, status TEXT NOT NULL, plan_id TEXT NOT NULL, interval TEXT NOT NULL,
  current_period_start TEXT NOT NULL, current_period_end TEXT NOT NULL, cancel_at TEXT, trial_end TEXT
);
CREATE TABLE upcoming_invoices (tenant_id TEXT PRIMARY KEY, amount_due_cents INTEGER NOT NULL, at TEXT NOT NULL);
CREATE TABLE payment_methods (tenant_id TEXT PRIMARY KEY, brand TEXT NOT NULL, last4 TEXT NOT NULL, exp_month INTEGER NOT NULL, exp_year INTEGER NOT NULL);
CREATE TABLE invoices (
  id TEXT PRIMARY KEY, tenant_id TEXT NOT NULL, number TEXT NOT NULL, status TEXT NOT NULL, amount_due_cents INTEGER NOT NULL,
  amount_paid_cents INTEGER NOT NULL, currency TEXT NOT NULL, created_at TEXT NOT NULL, due_at TEXT, paid_at TEXT
);
CREATE TABLE mrr_history (tenant_id TEXT NOT NULL, month TEXT NOT NULL, mrr_cents INTEGER NOT NULL, PRIMARY KEY (tenant_id, month));
CREATE TABLE queues (
  name TEXT PRIMARY KEY, paused INTEGER NOT NULL, workers INTEGER NOT NULL,
  processing_ms_p50 REAL, processing_ms_p95 REAL
);
CREATE TABLE jobs (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, queue TEXT NOT NULL, name TEXT NOT NULL, tenant_id TEXT, state TEXT NOT NULL,
  attempts_made INTEGER NOT NULL, max_attempts INTEGER NOT NULL, created_at TEXT NOT NULL, processed_at TEXT,
  finished_at TEXT, failed_reason TEXT, stacktrace TEXT, data TEXT NOT NULL
);
CREATE TABLE queue_metrics (
  queue TEXT NOT NULL, at_ms INTEGER NOT NULL, waiting INTEGER NOT NULL, active INTEGER NOT NULL, delayed INTEGER NOT NULL,
  failed INTEGER NOT NULL, completed_per_min REAL NOT NULL, failed_per_min REAL NOT NULL, oldest_waiting_age_ms INTEGER,
  PRIMARY KEY (queue, at_ms)
) WITHOUT ROWID;
CREATE TABLE connectors (id TEXT PRIMARY KEY, name TEXT NOT NULL, category TEXT NOT NULL);
CREATE TABLE connections (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE, connector_id TEXT NOT NULL, tenant_id TEXT NOT NULL, status TEXT NOT NULL,
  last_sync_at TEXT, last_success_at TEXT, next_sync_at TEXT, sync_interval_s INTEGER NOT NULL,
  records_synced_24h INTEGER NOT NULL, error_rate_24h REAL NOT NULL, latency_ms_p95 REAL, last_error TEXT
);
CREATE TABLE connection_runs (
  rowid INTEGER PRIMARY KEY, id TEXT NOT NULL, connection_id TEXT NOT NULL, started_at TEXT NOT NULL, finished_at TEXT,
  status TEXT NOT NULL, records INTEGER NOT NULL, duration_ms INTEGER, error TEXT
);
CREATE TABLE idempotency_keys (
  key TEXT NOT NULL, subject_id TEXT NOT NULL, request TEXT NOT NULL, status INTEGER NOT NULL, body TEXT,
  created_at_ms INTEGER NOT NULL, PRIMARY KEY (subject_id, key)
);
`;

const indexes = `
CREATE UNIQUE INDEX audit_events_id ON audit_events (id);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, seq);
CREATE INDEX audit_events_action ON audit_events (action, seq);
CREATE INDEX audit_events_actor ON audit_events (actor_id, seq);
CREATE INDEX audit_events_time ON audit_events (occurred_at);
CREATE INDEX tenants_name ON tenants (name, id);
CREATE INDEX tenant_usage_tenant ON tenant_usage (tenant_id);
CREATE INDEX invoices_tenant ON invoices (tenant_id, created_at);
CREATE UNIQUE INDEX jobs_id ON jobs (queue, id);
CREATE INDEX jobs_state ON jobs (queue, state, rowid);
CREATE INDEX connection_runs_connection ON connection_runs (connection_id, rowid);
`;

export type PlatformDb = Database.Database;

/** Opens (creating if needed) the platform database; `fresh` tells whether it still needs data. */
export function openPlatformDb(path: string): { db: PlatformDb; fresh: boolean } {
  const db = new Database(path);
  const hasTables = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta'").get() !== undefined;
  const seeded = hasTables && db.prepare("SELECT 1 FROM meta WHERE key = 'seeded_at'").get() !== undefined;
  if (hasTables && !seeded) {
    db.close();
    throw new Error(`${path} holds an unfinished demo data set; delete it and start again.`);
  }
  if (!hasTables) {
    // Bigger pages waste less space on ~700-byte audit rows; no journal while bulk loading a file
    // that is thrown away if the load fails (see finishBulkLoad).
    db.pragma('page_size = 8192');
    db.pragma('journal_mode = OFF');
    db.pragma('synchronous = OFF');
    db.exec(tables);
  } else {
    servingMode(db);
  }
  return { db, fresh: !seeded };
}

function servingMode(db: PlatformDb): void {
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
}

/** Indexes after the load (faster than maintaining them row by row), then WAL for serving. */
export function finishBulkLoad(db: PlatformDb): void {
  db.exec(indexes);
  db.exec('ANALYZE');
  servingMode(db);
}
