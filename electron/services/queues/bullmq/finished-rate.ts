import type { Metrics } from 'bullmq';

const minute = 60_000;

/** A count of finished jobs and when it was read. */
export interface CountAt {
  at: number;
  count: number;
}

/**
 * Jobs finished in the last whole minute before `now`, from the per-minute metrics BullMQ keeps
 * when the workers were created with `metrics`; null when they keep none. BullMQ writes a
 * minute's point only when a job finishes in a later minute: until then that minute's jobs are
 * `count - prevCount`, and a minute with no finished job after it has no point at all.
 */
function lastMinuteFromMetrics({ meta, data }: Metrics, now: number): number | null {
  if (meta.prevTS === 0) return null;
  const minutesSince = Math.floor(now / minute) - Math.floor(meta.prevTS / minute);
  if (minutesSince <= 0) return data[0] ?? 0;
  return minutesSince === 1 ? meta.count - meta.prevCount : 0;
}

/**
 * Jobs finished per minute: from BullMQ's metrics where the workers keep them, else from how far
 * the count rose since the previous sample; 0 without one, or when the count fell (jobs retried,
 * removed, or trimmed by removeOnComplete/removeOnFail).
 */
export function finishedPerMinute(metrics: Metrics, now: CountAt, before: CountAt | undefined): number {
  const fromMetrics = lastMinuteFromMetrics(metrics, now.at);
  if (fromMetrics !== null) return fromMetrics;
  if (before === undefined || now.at <= before.at) return 0;
  return (Math.max(0, now.count - before.count) * minute) / (now.at - before.at);
}
