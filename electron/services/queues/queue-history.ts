import type { Database } from 'better-sqlite3';
import type { QueueHistoryPoint } from '../../../shared/console-api/index.ts';

/** The resolutions samples are kept at (see downsample-queue-samples.ts), finest first. */
const resolutionsS = [10, 60, 3600];

/**
 * A queue's cached samples over [from, to), as means per step: the step is the finest of the
 * kept resolutions that gives at most `points` points (so a 7-day chart reads minutes, a 90-day
 * one hours), and every sample in a step counts, whatever resolution it was kept at.
 */
export function queueHistory(db: Database, queue: string, from: number, to: number, points: number): { stepMs: number; points: QueueHistoryPoint[] } {
  const wanted = Math.max(1, (to - from) / points);
  const stepMs = Math.max(resolutionsS.map((seconds) => seconds * 1000).find((ms) => ms >= wanted) ?? Math.ceil(wanted / 3_600_000) * 3_600_000, 10_000);
  const rows = db
    .prepare(
      `SELECT at - at % ? AS at, avg(waiting) AS waiting, avg(active) AS active, avg(delayed) AS delayed, avg(failed) AS failed,
              avg(completed_per_min) AS completedPerMin, avg(failed_per_min) AS failedPerMin, avg(oldest_waiting_age_ms) AS oldestWaitingAgeMs
       FROM queue_samples WHERE queue = ? AND resolution_s IN (${resolutionsS.join(', ')}) AND at >= ? AND at < ?
       GROUP BY 1 ORDER BY 1`,
    )
    .all(stepMs, queue, from, to) as QueueHistoryPoint[];
  return { stepMs, points: rows.map(rounded) };
}

function rounded(point: QueueHistoryPoint): QueueHistoryPoint {
  const round = (value: number) => Math.round(value * 10) / 10;
  return {
    at: point.at,
    waiting: round(point.waiting),
    active: round(point.active),
    delayed: round(point.delayed),
    failed: round(point.failed),
    completedPerMin: round(point.completedPerMin),
    failedPerMin: round(point.failedPerMin),
    oldestWaitingAgeMs: point.oldestWaitingAgeMs === null ? null : Math.round(point.oldestWaitingAgeMs),
  };
}
