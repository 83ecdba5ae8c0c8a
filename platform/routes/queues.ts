import type { Job, JobState, Queue, QueueMetricPoint } from '../../shared/ops-api/index.ts';
import { jobState } from '../../shared/ops-api/index.ts';
import { iso } from '../demo-data/time.ts';
import { conflict, invalidParameters, notFound } from '../http/problem.ts';
import { decodeCursor, toPage } from '../pagination.ts';
import { SqlFilters } from '../sql-filters.ts';
import type { Handlers, PlatformContext } from './handler.ts';

interface JobRow extends Omit<Job, 'stacktrace' | 'data'> {
  rowid: number;
  stacktrace: string | null;
  data: string;
}

const maxPoints = 10_000;

export function queueHandlers(platform: PlatformContext): Pick<
  Handlers,
  'listQueues' | 'getQueueMetrics' | 'listJobs' | 'retryJob' | 'removeJob' | 'retryFailedJobs' | 'pauseQueue' | 'resumeQueue'
> {
  const { db } = platform;
  const jobById = db.prepare('SELECT rowid, * FROM jobs WHERE queue = ? AND id = ?');

  const queueByName = (name: string): Queue => {
    const row = db.prepare('SELECT name, paused, workers, processing_ms_p50, processing_ms_p95 FROM queues WHERE name = ?').get(name) as
      | { name: string; paused: number; workers: number; processing_ms_p50: number | null; processing_ms_p95: number | null }
      | undefined;
    if (row === undefined) throw notFound(`No queue named '${name}'.`);
    const counts = Object.fromEntries(jobState.options.map((state) => [state, 0])) as Record<JobState, number>;
    for (const { state, n } of db.prepare('SELECT state, count(*) AS n FROM jobs WHERE queue = ? GROUP BY state').all(name) as Array<{ state: JobState; n: number }>) counts[state] = n;
    const latest = db.prepare('SELECT completed_per_min, failed_per_min FROM queue_metrics WHERE queue = ? ORDER BY at_ms DESC LIMIT 1').get(name) as
      | { completed_per_min: number; failed_per_min: number }
      | undefined;
    const oldest = db.prepare("SELECT min(created_at) FROM jobs WHERE queue = ? AND state = 'waiting'").pluck().get(name) as string | null;
    // One reading of the clock, so the age is exactly as of sampled_at.
    const now = platform.now();
    return {
      name: row.name,
      paused: row.paused === 1,
      workers: row.workers,
      counts,
      throughput_per_min: latest?.completed_per_min ?? 0,
      failed_per_min: latest?.failed_per_min ?? 0,
      oldest_waiting_age_ms: oldest === null ? null : Math.max(0, now - Date.parse(oldest)),
      processing_ms_p50: row.processing_ms_p50,
      processing_ms_p95: row.processing_ms_p95,
      sampled_at: iso(now),
    };
  };

  const jobOf = (queue: string, id: string): JobRow => {
    queueByName(queue);
    const row = jobById.get(queue, id) as JobRow | undefined;
    if (row === undefined) throw notFound(`No job '${id}' in queue '${queue}'.`);
    return row;
  };

  const setPaused = (name: string, paused: boolean) => {
    queueByName(name);
    db.prepare('UPDATE queues SET paused = ? WHERE name = ?').run(paused ? 1 : 0, name);
    return { queue: queueByName(name) };
  };

  return {
    listQueues: () => ({ data: (db.prepare('SELECT name FROM queues ORDER BY name').pluck().all() as string[]).map(queueByName) }),
    getQueueMetrics: ({ params, query }) => {
      queueByName(params.name!);
      const to = query.to ? Date.parse(query.to) : platform.now();
      const from = query.from ? Date.parse(query.from) : to - 24 * 3_600_000;
      if (from >= to) throw invalidParameters(`from (${iso(from)}) must be before to (${iso(to)}).`);
      const step = query.step_s * 1_000;
      if ((to - from) / step > maxPoints) throw invalidParameters(`step_s: ${query.step_s} s over this range gives more than ${maxPoints} points; use a larger step.`);
      // Gauges take the bucket's last sample (SQLite fills bare columns from the max() row); rates are averaged.
      const rows = db
        .prepare(
          `SELECT at_ms - (at_ms % ?) AS bucket, max(at_ms) AS last_at, waiting, active, delayed, failed, oldest_waiting_age_ms,
                  avg(completed_per_min) AS completed_per_min, avg(failed_per_min) AS failed_per_min
           FROM queue_metrics WHERE queue = ? AND at_ms >= ? AND at_ms < ? GROUP BY bucket ORDER BY bucket`,
        )
        .all(step, params.name, from, to) as Array<Omit<QueueMetricPoint, 'at'> & { bucket: number }>;
      return {
        step_s: query.step_s,
        points: rows.map((row) => ({
          at: iso(row.bucket),
          waiting: row.waiting,
          active: row.active,
          delayed: row.delayed,
          failed: row.failed,
          completed_per_min: Math.round(row.completed_per_min * 10) / 10,
          failed_per_min: Math.round(row.failed_per_min * 10) / 10,
          oldest_waiting_age_ms: row.oldest_waiting_age_ms,
        })),
      };
    },
    listJobs: ({ params, query }) => {
      queueByName(params.name!);
      const filters = new SqlFilters()
        .add('queue = ?', params.name)
        .add('rowid < ?', decodeCursor('jobs', query.cursor, 1)?.[0])
        .add('state = ?', query.state)
        .add('tenant_id = ?', query.tenant_id);
      const rows = db.prepare(`SELECT rowid, * FROM jobs ${filters} ORDER BY rowid DESC LIMIT ?`).all(...filters.args, query.limit + 1) as JobRow[];
      return toPage('jobs', rows, query.limit, toJob, (row) => [row.rowid]);
    },
    retryJob: ({ params }) => {
      const row = jobOf(params.name!, params.id!);
      if (row.state !== 'failed') throw conflict(`Job '${row.id}' is ${row.state}, not failed; only failed jobs can be retried.`);
      db.prepare("UPDATE jobs SET state = 'waiting', processed_at = NULL, finished_at = NULL WHERE rowid = ?").run(row.rowid);
      return { job: toJob(jobOf(params.name!, params.id!)) };
    },
    removeJob: ({ params }) => {
      const row = jobOf(params.name!, params.id!);
      if (row.state === 'active') throw conflict(`Job '${row.id}' is active (locked by a worker); wait for it to finish or fail.`);
      db.prepare('DELETE FROM jobs WHERE rowid = ?').run(row.rowid);
    },
    retryFailedJobs: ({ params }) => {
      queueByName(params.name!);
      const result = db.prepare("UPDATE jobs SET state = 'waiting', processed_at = NULL, finished_at = NULL WHERE queue = ? AND state = 'failed'").run(params.name);
      return { retried: result.changes };
    },
    pauseQueue: ({ params }) => setPaused(params.name!, true),
    resumeQueue: ({ params }) => setPaused(params.name!, false),
  };
}

function toJob({ rowid: _rowid, stacktrace, data, ...row }: JobRow): Job {
  return { ...row, stacktrace: stacktrace === null ? null : (JSON.parse(stacktrace) as string[]), data: JSON.parse(data) as Record<string, unknown> };
}
