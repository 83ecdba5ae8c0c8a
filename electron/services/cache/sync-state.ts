// The one module that writes sync_state: a row per sync task (resource), with where it resumes,
// how fresh its data is, its current error, and for audit how far the full-text index reaches.
import type { Database } from 'better-sqlite3';
import { syncResource } from '../../../shared/console-api/index.ts';
import type { SyncResource } from '../../../shared/console-api/index.ts';

/** A successful sync step, written in the same transaction as its rows. */
export interface SyncMark {
  resource: SyncResource;
  /** Where the next request resumes (null: start over next time, e.g. a full list ended). */
  cursor: string | null;
  at: number;
}

export interface SyncState {
  resource: SyncResource;
  cursor: string | null;
  lastSuccessAt: number | null;
  lastAttemptAt: number | null;
  lastError: string | null;
  lastErrorAt: number | null;
  ftsIndexedUpto: number;
}

/** A success clears the resource's error: last_error is the current problem, not a history. */
export function markSynced(db: Database, { resource, cursor, at }: SyncMark): void {
  db.prepare(
    `INSERT INTO sync_state (resource, cursor, last_success_at, last_attempt_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource) DO UPDATE SET cursor = excluded.cursor, last_success_at = excluded.last_success_at,
       last_attempt_at = excluded.last_attempt_at, last_error = NULL, last_error_at = NULL`,
  ).run(resource, cursor, at, at);
}

/** The platform answered and nothing was new: the cached data is current as of `at`. */
export function markChecked(db: Database, resource: SyncResource, at: number): void {
  db.prepare(
    `INSERT INTO sync_state (resource, last_success_at, last_attempt_at) VALUES (?, ?, ?)
     ON CONFLICT (resource) DO UPDATE SET last_success_at = excluded.last_success_at,
       last_attempt_at = excluded.last_attempt_at, last_error = NULL, last_error_at = NULL`,
  ).run(resource, at, at);
}

/** Keeps the cursor and the last success: the data cached so far stays valid. */
export function markSyncFailed(db: Database, resource: SyncResource, message: string, at: number): void {
  db.prepare(
    `INSERT INTO sync_state (resource, last_attempt_at, last_error, last_error_at) VALUES (?, ?, ?, ?)
     ON CONFLICT (resource) DO UPDATE SET last_attempt_at = excluded.last_attempt_at, last_error = excluded.last_error, last_error_at = excluded.last_error_at`,
  ).run(resource, at, message, at);
}

/** Records how far the audit full-text index reaches; returned prepared, for a loop of batches, each in its rows' transaction. */
export function textWatermarkWriter(db: Database): (upto: number) => void {
  const save = db.prepare(
    `INSERT INTO sync_state (resource, fts_indexed_upto) VALUES ('audit', ?)
     ON CONFLICT (resource) DO UPDATE SET fts_indexed_upto = excluded.fts_indexed_upto`,
  );
  return (upto) => void save.run(upto);
}

/** The newest audit seq whose full text is indexed (0: none). */
export function ftsIndexedUpto(db: Database): number {
  return (db.prepare("SELECT fts_indexed_upto FROM sync_state WHERE resource = 'audit'").pluck().get() as number | undefined) ?? 0;
}

/** After audit events from `firstDropped` on were deleted: the sync resumes after the newest kept, and the full text reaches no further. */
export function rewindAudit(db: Database, firstDropped: number): void {
  db.prepare("UPDATE sync_state SET cursor = (SELECT max(seq) FROM audit_events), fts_indexed_upto = min(fts_indexed_upto, ?) WHERE resource = 'audit'").run(firstDropped - 1);
}

/** Every resource the cache has a state for. */
export function readSyncState(db: Database): SyncState[] {
  const rows = db
    .prepare(
      `SELECT resource, cursor, last_success_at AS lastSuccessAt, last_attempt_at AS lastAttemptAt, last_error AS lastError,
              last_error_at AS lastErrorAt, fts_indexed_upto AS ftsIndexedUpto
       FROM sync_state ORDER BY resource`,
    )
    .all() as Array<SyncState & { resource: string }>;
  return rows.filter((row): row is SyncState => syncResource.safeParse(row.resource).success);
}
