import type { Database } from 'better-sqlite3';
import type { SyncResource } from '../../../shared/console-api/index.ts';

/** The platform answered and nothing was new: the cached data is current as of `at`. */
export function markChecked(db: Database, resource: SyncResource, at: number): void {
  db.prepare(
    `INSERT INTO sync_state (resource, last_success_at, last_attempt_at) VALUES (?, ?, ?)
     ON CONFLICT (resource) DO UPDATE SET last_success_at = excluded.last_success_at,
       last_attempt_at = excluded.last_attempt_at, last_error = NULL, last_error_at = NULL`,
  ).run(resource, at, at);
}
