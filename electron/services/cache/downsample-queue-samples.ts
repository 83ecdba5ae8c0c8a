import type { Database } from 'better-sqlite3';

const hourMs = 3_600_000;
const dayMs = 24 * hourMs;

/** Queue samples age into coarser means: 10 s points for 24 h, 1 min for 7 d, 1 h for 90 d. */
const tiers = [
  { olderThanMs: dayMs, resolutionS: 60 },
  { olderThanMs: 7 * dayMs, resolutionS: 3600 },
] as const;
const keepMs = 90 * dayMs;

const gauges = ['waiting', 'active', 'delayed', 'failed', 'completed_per_min', 'failed_per_min', 'oldest_waiting_age_ms'] as const;

export interface DownsampleResult {
  /** Finer rows folded into coarser means. */
  folded: number;
  /** Rows past the 90-day horizon. */
  dropped: number;
}

/**
 * Folds samples older than each tier's age into means over that tier's buckets (weighted by
 * each sample's resolution, nulls ignored) and drops what is older than 90 days. Only whole
 * buckets are folded; a bucket row that already exists wins over late finer samples.
 */
export function downsampleQueueSamples(db: Database, now: number): DownsampleResult {
  const means = gauges.map((gauge) => `sum(${gauge} * resolution_s) / sum(CASE WHEN ${gauge} IS NULL THEN NULL ELSE resolution_s END)`).join(', ');
  const fold = db.prepare(
    `INSERT INTO queue_samples (queue, at, resolution_s, ${gauges.join(', ')})
     SELECT queue, at - at % @bucketMs AS bucket, @resolution, ${means}
     FROM queue_samples WHERE resolution_s < @resolution AND at < @cutoff GROUP BY queue, bucket
     ON CONFLICT (queue, resolution_s, at) DO NOTHING`,
  );
  const removeFolded = db.prepare('DELETE FROM queue_samples WHERE resolution_s < @resolution AND at < @cutoff');
  const removeOld = db.prepare('DELETE FROM queue_samples WHERE at < ?');

  return db.transaction((): DownsampleResult => {
    let folded = 0;
    for (const { olderThanMs, resolutionS } of tiers) {
      const bucketMs = resolutionS * 1000;
      const cutoff = Math.floor((now - olderThanMs) / bucketMs) * bucketMs;
      fold.run({ bucketMs, resolution: resolutionS, cutoff });
      folded += removeFolded.run({ resolution: resolutionS, cutoff }).changes;
    }
    return { folded, dropped: removeOld.run(now - keepMs).changes };
  })();
}
