// The first cache schema. Never edit it once released: add 002-... instead (the migrator
// refuses a database whose applied migration no longer matches its code).
//
// Times are integer milliseconds since the epoch (UTC). Every synced record keeps the JSON it
// came as in `raw`; the other columns are copies of the fields views filter and sort on.
export const sql = `
-- Audit events. seq is the platform's sequence number and the rowid, so rowid order is time
-- order: every "newest first" query walks an index backwards and stops after LIMIT rows.
-- Field indexes are (column, seq) so a filter plus ORDER BY seq DESC needs no sort, and keyset
-- paging (seq < ?) stays inside the index. raw is the event exactly as received: exports and
-- hash verification read it, nothing else is authoritative.
CREATE TABLE audit_events (
  seq INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  ts INTEGER NOT NULL,
  tenant_id TEXT,
  actor_type TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_email TEXT,
  action TEXT NOT NULL,
  target_type TEXT,
  target_id TEXT,
  outcome TEXT NOT NULL,
  ip TEXT,
  request_id TEXT,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, seq);
CREATE INDEX audit_events_actor_id ON audit_events (actor_id, seq);
CREATE INDEX audit_events_actor_email ON audit_events (actor_email, seq) WHERE actor_email IS NOT NULL;
CREATE INDEX audit_events_action ON audit_events (action, seq);
CREATE INDEX audit_events_outcome ON audit_events (outcome, seq);
CREATE INDEX audit_events_target ON audit_events (target_type, target_id, seq) WHERE target_id IS NOT NULL;
CREATE INDEX audit_events_request ON audit_events (request_id, seq) WHERE request_id IS NOT NULL;
CREATE INDEX audit_events_ip ON audit_events (ip, seq) WHERE ip IS NOT NULL;
CREATE INDEX audit_events_ts ON audit_events (ts, seq);

-- Free text over action, actor, target, metadata and changes. Contentless (the text lives in
-- audit_events.raw; storing it twice would double the write) with contentless_delete so the
-- prune can delete by rowid. rowid = seq. tenant holds hex(tenant_id), one token with no
-- separators, so a tenant-scoped search is "tenant : <hex> AND ...". Filled in batches by
-- indexAuditText, never by a trigger (a trigger halves the bulk write rate).
CREATE VIRTUAL TABLE audit_text USING fts5(
  tenant, action, actor, target, metadata, changes,
  content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
);

-- One row per synced resource ("audit", "queues", "tenants", ...): where the feed resumes
-- and how fresh the data is. fts_indexed_upto is the highest seq in audit_text.
CREATE TABLE sync_state (
  resource TEXT PRIMARY KEY,
  cursor TEXT,
  last_success_at INTEGER,
  last_attempt_at INTEGER,
  last_error TEXT,
  last_error_at INTEGER,
  fts_indexed_upto INTEGER NOT NULL DEFAULT 0
) STRICT;

-- Latest snapshot per queue.
CREATE TABLE queues (
  name TEXT PRIMARY KEY,
  paused INTEGER NOT NULL,
  workers INTEGER NOT NULL,
  waiting INTEGER NOT NULL,
  active INTEGER NOT NULL,
  delayed INTEGER NOT NULL,
  failed INTEGER NOT NULL,
  throughput_per_min REAL NOT NULL,
  failed_per_min REAL NOT NULL,
  oldest_waiting_age_ms INTEGER,
  sampled_at INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;

-- Queue time series. Gauges are REAL because downsampled rows hold means; resolution_s says
-- which tier a row belongs to (10 s raw, 60 s, 3600 s).
CREATE TABLE queue_samples (
  queue TEXT NOT NULL,
  at INTEGER NOT NULL,
  resolution_s INTEGER NOT NULL,
  waiting REAL NOT NULL,
  active REAL NOT NULL,
  delayed REAL NOT NULL,
  failed REAL NOT NULL,
  completed_per_min REAL NOT NULL,
  failed_per_min REAL NOT NULL,
  oldest_waiting_age_ms REAL,
  PRIMARY KEY (queue, resolution_s, at)
) STRICT, WITHOUT ROWID;
CREATE INDEX queue_samples_at ON queue_samples (resolution_s, at);

CREATE TABLE failed_jobs (
  queue TEXT NOT NULL,
  id TEXT NOT NULL,
  name TEXT NOT NULL,
  tenant_id TEXT,
  failed_reason TEXT,
  attempts_made INTEGER NOT NULL,
  finished_at INTEGER,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL,
  PRIMARY KEY (queue, id)
) STRICT;
CREATE INDEX failed_jobs_reason ON failed_jobs (queue, failed_reason);
CREATE INDEX failed_jobs_finished ON failed_jobs (queue, finished_at);
CREATE INDEX failed_jobs_tenant ON failed_jobs (tenant_id, finished_at) WHERE tenant_id IS NOT NULL;

CREATE TABLE tenants (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  slug TEXT NOT NULL,
  status TEXT NOT NULL,
  plan_id TEXT NOT NULL,
  plan_name TEXT NOT NULL,
  mrr_cents INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX tenants_slug ON tenants (slug);
CREATE INDEX tenants_status ON tenants (status, mrr_cents);
CREATE INDEX tenants_plan ON tenants (plan_id, mrr_cents);

CREATE TABLE tenant_billing (
  tenant_id TEXT PRIMARY KEY,
  fetched_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;

CREATE TABLE invoices (
  id TEXT PRIMARY KEY,
  tenant_id TEXT NOT NULL REFERENCES tenant_billing (tenant_id) ON DELETE CASCADE,
  number TEXT NOT NULL,
  status TEXT NOT NULL,
  amount_due_cents INTEGER NOT NULL,
  amount_paid_cents INTEGER NOT NULL,
  currency TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  due_at INTEGER,
  paid_at INTEGER,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX invoices_tenant ON invoices (tenant_id, created_at);
CREATE INDEX invoices_status ON invoices (status, due_at);

CREATE TABLE connectors (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  category TEXT NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;

CREATE TABLE connections (
  id TEXT PRIMARY KEY,
  connector_id TEXT NOT NULL,
  tenant_id TEXT NOT NULL,
  status TEXT NOT NULL,
  last_sync_at INTEGER,
  error_rate_24h REAL NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX connections_connector ON connections (connector_id, status);
CREATE INDEX connections_tenant ON connections (tenant_id);
CREATE INDEX connections_status ON connections (status);

-- No foreign key to connections: a connection's runs may arrive before its list page does.
CREATE TABLE connection_runs (
  id TEXT PRIMARY KEY,
  connection_id TEXT NOT NULL,
  started_at INTEGER NOT NULL,
  status TEXT NOT NULL,
  synced_at INTEGER NOT NULL,
  raw TEXT NOT NULL
) STRICT;
CREATE INDEX connection_runs_connection ON connection_runs (connection_id, started_at);
`;
