import type { Database } from 'better-sqlite3';
import { thresholdsOf } from '../../../shared/console-api/index.ts';
import type { QueueAlertSettings, QueueFlag, QueueSummary, QueueThresholds } from '../../../shared/console-api/index.ts';
import type { QueueSnapshot } from '../../../shared/queues/queue-snapshot.ts';

const minuteMs = 60_000;
const sparklineMinutes = 60;
const growthMinutes = 15;

/**
 * Every cached queue with what an on-call engineer scans first: counts, rates, the oldest waiting
 * job's age (a stalled queue looks idle if you only count finished jobs), depth over the last hour
 * and why it is in trouble; most troubled first.
 */
export function queueSummaries(db: Database, alerts: QueueAlertSettings): QueueSummary[] {
  const queues = (db.prepare('SELECT raw FROM queues').pluck().all() as string[]).map((raw) => JSON.parse(raw) as QueueSnapshot);
  const newest = Math.max(0, ...queues.map((queue) => Date.parse(queue.sampled_at)));
  const depths = depthPerMinute(db, newest - sparklineMinutes * minuteMs, newest);
  return queues.map((queue) => summaryOf(queue, depths.get(queue.name) ?? [], thresholdsOf(alerts, queue.name))).sort(byTrouble);
}

function summaryOf(queue: QueueSnapshot, sparkline: number[], thresholds: QueueThresholds): QueueSummary {
  const finishedPerMin = queue.throughput_per_min + queue.failed_per_min;
  const failureRate = finishedPerMin === 0 ? 0 : queue.failed_per_min / finishedPerMin;
  const before = sparkline.at(-1 - growthMinutes) ?? sparkline[0] ?? queue.counts.waiting;
  const depthGrowth = Math.round(queue.counts.waiting - before);
  const flags: QueueFlag[] = [];
  if (queue.paused) flags.push('paused');
  if (queue.workers === 0) flags.push('no-workers');
  if (queue.counts.waiting > thresholds.depth) flags.push('backing-up');
  if ((queue.oldest_waiting_age_ms ?? 0) > thresholds.oldestWaitingMinutes * 60_000) flags.push('old-waiting');
  if (failureRate * 100 > thresholds.failureRatePercent) flags.push('failing');
  return {
    name: queue.name,
    paused: queue.paused,
    workers: queue.workers,
    counts: { waiting: queue.counts.waiting, active: queue.counts.active, delayed: queue.counts.delayed, failed: queue.counts.failed, completed: queue.counts.completed, prioritized: queue.counts.prioritized },
    completedPerMin: queue.throughput_per_min,
    failedPerMin: queue.failed_per_min,
    failureRate,
    oldestWaitingAgeMs: queue.oldest_waiting_age_ms,
    depthGrowth,
    sparkline,
    flags,
    sampledAt: queue.sampled_at,
  };
}

function byTrouble(a: QueueSummary, b: QueueSummary): number {
  return (
    b.flags.length - a.flags.length ||
    Math.sign(b.depthGrowth) - Math.sign(a.depthGrowth) ||
    (b.oldestWaitingAgeMs ?? 0) - (a.oldestWaitingAgeMs ?? 0) ||
    b.failureRate - a.failureRate ||
    a.name.localeCompare(b.name)
  );
}

/** Mean waiting jobs per minute in [from, to), per queue, from the fine samples. */
function depthPerMinute(db: Database, from: number, to: number): Map<string, number[]> {
  const rows = db
    .prepare(
      `SELECT queue, (at - ?) / ${minuteMs} AS minute, avg(waiting) AS waiting FROM queue_samples
       WHERE resolution_s IN (10, 60) AND at >= ? AND at <= ? GROUP BY queue, minute ORDER BY queue, minute`,
    )
    .all(from, from, to) as Array<{ queue: string; minute: number; waiting: number }>;
  const depths = new Map<string, number[]>();
  for (const row of rows) {
    const series = depths.get(row.queue) ?? [];
    series.push(Math.round(row.waiting));
    depths.set(row.queue, series);
  }
  return depths;
}
