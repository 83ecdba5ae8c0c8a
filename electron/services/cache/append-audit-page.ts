import type { Database } from 'better-sqlite3';
import type { AuditEvent } from '../../../shared/ops-api/index.ts';
import { rowsOf, writeSynced } from './synced-rows.ts';
import type { CacheTable } from './synced-rows.ts';

/** An audit event as the feed delivered it: its exact JSON text and the parsed event. */
export interface ReceivedAuditEvent {
  raw: string;
  event: AuditEvent;
}

/** How an audit event is stored: the sync and the import write the same columns. */
export const auditEvents: CacheTable<ReceivedAuditEvent> = {
  name: 'audit_events',
  columns: ['seq', 'id', 'ts', 'tenant_id', 'actor_type', 'actor_id', 'actor_email', 'action', 'target_type', 'target_id', 'outcome', 'ip', 'request_id', 'prev_hash', 'hash', 'raw'],
  replace: false,
  row: ({ raw, event }) => ({
    seq: event.seq,
    id: event.id,
    ts: Date.parse(event.occurred_at),
    tenant_id: event.tenant_id,
    actor_type: event.actor.type,
    actor_id: event.actor.id,
    actor_email: event.actor.email ?? null,
    action: event.action,
    target_type: event.target?.type ?? null,
    target_id: event.target?.id ?? null,
    outcome: event.outcome,
    ip: event.ip,
    request_id: event.request_id,
    prev_hash: event.prev_hash,
    hash: event.hash,
    raw,
  }),
};

/**
 * Inserts one page of events (ascending seq, chain already checked by the caller) and moves the
 * audit cursor to its last seq, in one transaction. A seq or id already cached is an error
 * and leaves the cache as it was.
 */
export function appendAuditPage(db: Database, page: readonly ReceivedAuditEvent[], at = Date.now()): void {
  const last = page.at(-1);
  if (last === undefined) return;
  writeSynced(db, { resource: 'audit', cursor: String(last.event.seq), at }, [rowsOf(auditEvents, page)]);
}
