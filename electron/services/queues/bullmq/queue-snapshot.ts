import type { Queue } from 'bullmq';
import type { QueueSnapshot } from '../queue-source.ts';
import { bullmqTypesOf, countJobs } from './bullmq-job-types.ts';
import { countWorkers } from './count-workers.ts';
import { finishedPerMinute } from './finished-rate.ts';

/**
 * When the job longest in the wait list was created. BullMQ records no time a job entered the
 * list, so a retried job, or a delayed one that came due, counts from its creation.
 */
async function oldestWaitingSince(queue: Queue): Promise<number | null> {
  const tails = await Promise.all(bullmqTypesOf('waiting').map((type) => queue.getJobs([type], 0, 0, true)));
  const created = tails.flat().map((job) => job.timestamp);
  return created.length === 0 ? null : Math.min(...created);
}

/** A queue now; `before` is its previous snapshot, for rates where the workers keep no metrics. */
export async function snapshotQueue(queue: Queue, before: QueueSnapshot | undefined, now: number): Promise<QueueSnapshot> {
  const [counts, paused, workers, oldest, completedMetrics, failedMetrics] = await Promise.all([
    countJobs(queue),
    queue.isPaused(),
    countWorkers(queue),
    oldestWaitingSince(queue),
    queue.getMetrics('completed', 0, 0),
    queue.getMetrics('failed', 0, 0),
  ]);
  const earlier = (state: 'completed' | 'failed') => before && { at: Date.parse(before.sampled_at), count: before.counts[state] };
  return {
    name: queue.name,
    paused,
    workers,
    counts,
    throughput_per_min: finishedPerMinute(completedMetrics, { at: now, count: counts.completed }, earlier('completed')),
    failed_per_min: finishedPerMinute(failedMetrics, { at: now, count: counts.failed }, earlier('failed')),
    oldest_waiting_age_ms: oldest === null ? null : Math.max(0, now - oldest),
    // BullMQ keeps no processing times.
    processing_ms_p50: null,
    processing_ms_p95: null,
    sampled_at: new Date(now).toISOString(),
  };
}
