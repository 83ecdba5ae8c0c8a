import Database from 'better-sqlite3';
import type { FailureGroup } from '../../../shared/console-api/index.ts';
import type { Job } from '../../../shared/ops-api/index.ts';
import { failedJobsTable } from '../cache/cache-tables.ts';
import { migrate } from '../cache/migrate.ts';
import { cacheMigrations } from '../cache/migrations/index.ts';
import { rowsOf } from '../cache/synced-rows.ts';
import { failureGroups } from './failed-jobs.ts';

/**
 * Failed jobs fetched now (the command line, with no cache) grouped exactly as the cache
 * groups them: written to an in-memory cache and read with the same query.
 */
export function groupFailedJobs(queue: string, jobs: readonly Job[]): { groups: FailureGroup[]; total: number } {
  const db = new Database(':memory:');
  try {
    migrate(db, cacheMigrations, ':memory:');
    db.transaction(() => rowsOf(failedJobsTable, jobs).write(db, 0))();
    return failureGroups(db, queue);
  } finally {
    db.close();
  }
}
