import type { Database } from 'better-sqlite3';
import type { FailedJobRow, FailureGroup } from '../../../shared/console-api/index.ts';
import type { Job } from '../../../shared/ops-api/index.ts';

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** A queue's cached failed jobs grouped by normalised reason, largest group first. */
export function failureGroups(db: Database, queue: string): { groups: FailureGroup[]; total: number } {
  const rows = db
    .prepare(
      `SELECT reason_group AS reason, count(*) AS count, min(finished_at) AS first, max(finished_at) AS last,
              (SELECT failed_reason FROM failed_jobs AS one WHERE one.queue = f.queue AND one.reason_group = f.reason_group LIMIT 1) AS example,
              (SELECT json_group_array(id) FROM (SELECT id FROM failed_jobs AS some WHERE some.queue = f.queue AND some.reason_group = f.reason_group
                 ORDER BY finished_at DESC LIMIT 3)) AS ids
       FROM failed_jobs AS f WHERE queue = ? GROUP BY reason_group ORDER BY count DESC, reason`,
    )
    .all(queue) as Array<{ reason: string; count: number; first: number | null; last: number | null; example: string | null; ids: string }>;
  const groups = rows.map((row) => ({
    reason: row.reason,
    example: row.example,
    count: row.count,
    firstSeen: iso(row.first),
    lastSeen: iso(row.last),
    exampleIds: JSON.parse(row.ids) as string[],
  }));
  return { groups, total: groups.reduce((sum, group) => sum + group.count, 0) };
}

export interface FailedJobsQuery {
  queue: string;
  group?: string | undefined;
  /** Words searched in the jobs' ids, names, tenants, reasons and data. */
  q?: string | undefined;
  after?: { finishedAt: number | null; id: string } | undefined;
  limit: number;
}

/** One page of failed jobs, newest finished first, with the cursor of the next. */
export function failedJobs(db: Database, { queue, group, q, after, limit }: FailedJobsQuery) {
  const where = ['queue = ?'];
  const params: unknown[] = [queue];
  if (group !== undefined) {
    where.push('reason_group = ?');
    params.push(group);
  }
  const match = q === undefined ? null : textQuery(q);
  if (match !== null) {
    where.push('rowid IN (SELECT rowid FROM failed_jobs_text WHERE failed_jobs_text MATCH ?)');
    params.push(match);
  }
  if (after !== undefined) {
    // Keyset on (finished_at, id) descending; a job with no finish time sorts last.
    where.push('(coalesce(finished_at, -1), id) < (coalesce(?, -1), ?)');
    params.push(after.finishedAt, after.id);
  }
  const rows = db
    .prepare(
      `SELECT id, name, tenant_id AS tenantId, failed_reason AS reason, attempts_made AS attemptsMade, finished_at AS finishedAt
       FROM failed_jobs WHERE ${where.join(' AND ')} ORDER BY coalesce(finished_at, -1) DESC, id DESC LIMIT ?`,
    )
    .all(...params, limit + 1) as Array<Omit<FailedJobRow, 'finishedAt'> & { finishedAt: number | null }>;
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    jobs: page.map((row) => ({ ...row, finishedAt: iso(row.finishedAt) })),
    next: rows.length > limit && last !== undefined ? { finishedAt: last.finishedAt, id: last.id } : null,
  };
}

export function failedJob(db: Database, queue: string, id: string): Job {
  const raw = db.prepare('SELECT raw FROM failed_jobs WHERE queue = ? AND id = ?').pluck().get(queue, id) as string | undefined;
  if (raw === undefined) throw new Error(`No cached failed job ${id} in ${queue}: it may have been retried or removed since the last sync.`);
  return JSON.parse(raw) as Job;
}

/** The user's words as an FTS5 query: each word a prefix, all of them required; null when there are none. */
function textQuery(q: string): string | null {
  const words = q.match(/[\p{L}\p{N}_]+/gu) ?? [];
  return words.length === 0 ? null : words.map((word) => `"${word}"*`).join(' ');
}

/** Every cached job id of a failure group: exactly what the user was shown. */
export function groupJobIds(db: Database, queue: string, group: string): string[] {
  return db.prepare('SELECT id FROM failed_jobs WHERE queue = ? AND reason_group = ? ORDER BY finished_at DESC, id DESC').pluck().all(queue, group) as string[];
}
