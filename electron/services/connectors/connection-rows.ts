import type { Database } from 'better-sqlite3';
import { statusesWorstFirst } from '../../../shared/console-api/index.ts';
import type { ConnectionRow, ConnectionRunRow } from '../../../shared/console-api/index.ts';
import type { Connection, ConnectionRun } from '../../../shared/ops-api/index.ts';
import { latenessOf } from './connection-lateness.ts';

export interface ConnectionsFilter {
  connectorId?: string | undefined;
  status?: ConnectionRow['status'] | undefined;
  tenantId?: string | undefined;
  limit: number;
}

type Joined = { raw: string; connector_name: string | null; tenant_name: string | null };

const worstStatusFirst = `CASE c.status ${statusesWorstFirst.map((status, rank) => `WHEN '${status}' THEN ${rank}`).join(' ')} END`;
const joined = `SELECT c.raw, k.name AS connector_name, t.name AS tenant_name
                  FROM connections c
                  LEFT JOIN connectors k ON k.id = c.connector_id
                  LEFT JOIN tenants t ON t.id = c.tenant_id`;

/** Cached connections matching the filter, worst status first, then least recently synced; `now` decides late and stale. */
export function connectionRows(db: Database, filter: ConnectionsFilter, now: number): { connections: ConnectionRow[]; total: number } {
  const where: string[] = [];
  const args: string[] = [];
  for (const [column, value] of [['c.connector_id', filter.connectorId], ['c.status', filter.status], ['c.tenant_id', filter.tenantId]] as const) {
    if (value === undefined) continue;
    where.push(`${column} = ?`);
    args.push(value);
  }
  const condition = where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`;
  const total = db.prepare(`SELECT count(*) FROM connections c ${condition}`).pluck().get(...args) as number;
  const rows = db.prepare(`${joined} ${condition} ORDER BY ${worstStatusFirst}, c.last_sync_at IS NULL, c.last_sync_at, c.id LIMIT ?`).all(...args, filter.limit) as Joined[];
  return { connections: rows.map((row) => rowOf(row, now)), total };
}

/** One cached connection and its cached runs, newest first. */
export function connectionWithRuns(db: Database, id: string, now: number): { connection: ConnectionRow; runs: ConnectionRunRow[] } {
  const row = db.prepare(`${joined} WHERE c.id = ?`).get(id) as Joined | undefined;
  if (row === undefined) throw new Error(`No connection '${id}' is cached: it may have been removed on the platform, or the connectors have not synced yet.`);
  const runs = (db.prepare('SELECT raw FROM connection_runs WHERE connection_id = ? ORDER BY started_at DESC').pluck().all(id) as string[]).map((raw) => runOf(JSON.parse(raw) as ConnectionRun));
  return { connection: rowOf(row, now), runs };
}

function rowOf({ raw, connector_name, tenant_name }: Joined, now: number): ConnectionRow {
  const connection = JSON.parse(raw) as Connection;
  return {
    id: connection.id,
    connectorId: connection.connector_id,
    connectorName: connector_name ?? connection.connector_id,
    tenantId: connection.tenant_id,
    tenantName: tenant_name,
    status: connection.status,
    lateness: latenessOf(connection, now),
    lastSyncAt: connection.last_sync_at,
    lastSuccessAt: connection.last_success_at,
    nextSyncAt: connection.next_sync_at,
    syncIntervalS: connection.sync_interval_s,
    records24h: connection.records_synced_24h,
    errorRate24h: connection.error_rate_24h,
    latencyP95Ms: connection.latency_ms_p95,
    lastError: connection.last_error,
  };
}

function runOf(run: ConnectionRun): ConnectionRunRow {
  return { id: run.id, startedAt: run.started_at, finishedAt: run.finished_at, status: run.status, records: run.records, durationMs: run.duration_ms, error: run.error };
}
