import type { JobType, Queue } from 'bullmq';
import type { JobState } from '../../../../shared/ops-api/index.ts';
import type { QueueSnapshot } from '../queue-source.ts';

/**
 * BullMQ 5 moves a paused queue's waiting jobs to a 'paused' list and adds new jobs there while
 * it stays paused; 6 leaves them in 'wait', neither counts nor lists 'paused', and drains it
 * only on resume. So the jobs a platform on BullMQ 5 has queued while paused sit in a list that
 * 6 no longer names in its types, though its scripts still count and list it.
 */
const legacyPaused = 'paused' as JobType;

/** The BullMQ lists and sets that hold the jobs of an Ops API state. */
export function bullmqTypesOf(state: JobState): JobType[] {
  return state === 'waiting' ? ['waiting', legacyPaused] : [state];
}

/** A queue's jobs per Ops API state, as BullMQ counts them. */
export async function countJobs(queue: Queue): Promise<QueueSnapshot['counts']> {
  const states = ['waiting', 'active', 'delayed', 'failed', 'completed', 'prioritized'] as const;
  const counts = await queue.getJobCounts(...states.flatMap(bullmqTypesOf));
  const of = (state: JobState) => bullmqTypesOf(state).reduce((sum, type) => sum + (counts[type] ?? 0), 0);
  return { waiting: of('waiting'), active: of('active'), delayed: of('delayed'), failed: of('failed'), completed: of('completed'), prioritized: of('prioritized') };
}
