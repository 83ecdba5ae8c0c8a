// Queue health from the cache: 90 days of samples for 30 queues and 100,000 failed jobs, read
// through the same query functions the reader thread serves. `npm run bench queues`
import type Database from 'better-sqlite3';
import { failedJobsTable } from '../../electron/services/cache/cache-tables.ts';
import { rowsOf } from '../../electron/services/cache/synced-rows.ts';
import { failureGroups } from '../../electron/services/queues/failed-jobs.ts';
import { queueHistory } from '../../electron/services/queues/queue-history.ts';
import { queueSummaries } from '../../electron/services/queues/queue-summaries.ts';
import { defaultSettings } from '../../shared/console-api/index.ts';
import type { Job } from '../../shared/ops-api/index.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import type { BenchResult, BenchSuite } from './bench.ts';

const queues = 30;
const failedJobs = 100_000;
const minute = 60_000;
const day = 1_440 * minute;
const runs = 50;

export const suite: BenchSuite = {
  name: 'queues',
  async run(): Promise<BenchResult[]> {
    const cache = makeCacheDb();
    try {
      const now = Date.now();
      const samples = fillSamples(cache.db, now);
      fillFailedJobs(cache.db, now);
      cache.db.exec('ANALYZE');
      const note = `${queues} queues, ${samples.toLocaleString('en-US')} samples over 90 days`;
      return [
        { name: 'overview from the cache, p95', value: p95(() => queueSummaries(cache.db, defaultSettings.queueAlerts)), unit: 'ms', target: '<= 100', note },
        { name: '7-day detail chart query, p95', value: p95((run) => queueHistory(cache.db, `queue-${run % queues}`, now - 7 * day, now, 400)), unit: 'ms', target: '<= 50', note },
        { name: '90-day detail chart query, p95', value: p95((run) => queueHistory(cache.db, `queue-${run % queues}`, now - 90 * day, now, 400)), unit: 'ms', note },
        {
          name: 'failure grouping of the failed jobs, p95',
          value: p95(() => failureGroups(cache.db, 'queue-0')),
          unit: 'ms',
          target: '<= 200',
          note: `${failedJobs.toLocaleString('en-US')} failed jobs in one queue`,
        },
      ];
    } finally {
      cache.remove();
    }
  },
};

function p95(run: (round: number) => unknown): number {
  const times: number[] = [];
  for (let round = 0; round < runs; round++) {
    const started = performance.now();
    run(round);
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length * 0.95)]! * 10) / 10;
}

/** What the sync and the downsampling leave: 10 s for a day, 1 min to a week, 1 h to 90 days; and each queue's snapshot. */
export function fillSamples(db: Database.Database, now: number): number {
  const sample = db.prepare(
    'INSERT INTO queue_samples (queue, at, resolution_s, waiting, active, delayed, failed, completed_per_min, failed_per_min, oldest_waiting_age_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const snapshot = db.prepare(
    'INSERT INTO queues (name, paused, workers, waiting, active, delayed, failed, throughput_per_min, failed_per_min, oldest_waiting_age_ms, sampled_at, synced_at, raw) VALUES (?, 0, 4, ?, 2, 3, 4, 100, 1, 5000, ?, ?, ?)',
  );
  let count = 0;
  db.transaction(() => {
    for (let queue = 0; queue < queues; queue++) {
      const name = `queue-${queue}`;
      for (const { from, to, stepS } of [
        { from: now - 90 * day, to: now - 7 * day, stepS: 3600 },
        { from: now - 7 * day, to: now - day, stepS: 60 },
        { from: now - day, to: now, stepS: 10 },
      ]) {
        for (let at = from; at < to; at += stepS * 1000) {
          const waiting = Math.round(500 + 400 * Math.sin(at / 3_600_000 + queue));
          sample.run(name, at, stepS, waiting, 4, 10, 20, 120, 2, waiting * 100);
          count++;
        }
      }
      const counts = { waiting: 500, active: 2, delayed: 3, failed: 4, completed: 1000, prioritized: 0 };
      const raw = { name, paused: false, workers: 4, counts, throughput_per_min: 100, failed_per_min: 1, oldest_waiting_age_ms: 5000, processing_ms_p50: null, processing_ms_p95: null, sampled_at: new Date(now).toISOString() };
      snapshot.run(name, counts.waiting, now, now, JSON.stringify(raw));
    }
  })();
  return count;
}

/** Failed jobs written as the sync writes them (normalised reason and search text included). */
function fillFailedJobs(db: Database.Database, now: number): void {
  const reasons = ['connect ETIMEDOUT 203.0.113.%:443', '421 4.7.0 Temporary System Problem (mx-%.example.com)', "No such invoice: 'in_%QxT4r2eZvKYlo2C0f6'", 'socket hang up', 'Report rendering exceeded the %0000 ms timeout'];
  const jobs: Job[] = Array.from({ length: failedJobs }, (_, index) => ({
    id: String(1_000_000 + index),
    queue: 'queue-0',
    name: 'deliver',
    tenant_id: `ten_${index % 500}`,
    state: 'failed',
    attempts_made: 3,
    max_attempts: 3,
    created_at: new Date(now - index * 1000).toISOString(),
    processed_at: null,
    finished_at: new Date(now - index * 1000).toISOString(),
    failed_reason: reasons[index % reasons.length]!.replace('%', String(index % 97)),
    stacktrace: null,
    data: { endpoint_url: `https://hooks.tenant-${index % 500}.example/opsdeck`, event_id: `evt_${index}` },
  }));
  db.transaction(() => rowsOf(failedJobsTable, jobs).write(db, now))();
}
