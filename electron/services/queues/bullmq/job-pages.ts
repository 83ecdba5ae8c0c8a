import type { Job as BullmqJob, Queue } from 'bullmq';
import type { JobState } from '../../../../shared/ops-api/index.ts';
import type { JobsPage } from '../queue-source.ts';
import { toOpsJob } from './bullmq-job.ts';
import { bullmqTypesOf } from './bullmq-job-types.ts';

/** The cursor is the offset of the page's first job in the state's lists, newest first. */
function offsetOf(cursor: string | null): number {
  if (cursor === null) return 0;
  if (!/^\d+$/.test(cursor)) throw new Error(`Not a cursor of a BullMQ queue: '${cursor}' is not a job offset.`);
  return Number(cursor);
}

/** One page of a queue's jobs in a state, newest first, walking the state's lists one after the other. */
export async function jobsPage(queue: Queue, state: JobState, cursor: string | null, limit: number): Promise<JobsPage> {
  const offset = offsetOf(cursor);
  const types = bullmqTypesOf(state);
  const counts = await queue.getJobCounts(...types);
  const found: BullmqJob[] = [];
  let skip = offset;
  for (const type of types) {
    const size = counts[type] ?? 0;
    const wanted = limit - found.length;
    if (wanted > 0 && skip < size) found.push(...(await queue.getJobs([type], skip, skip + wanted - 1, false)));
    skip = Math.max(0, skip - size);
  }
  const total = types.reduce((sum, type) => sum + (counts[type] ?? 0), 0);
  return { jobs: found.map((job) => toOpsJob(job, state)), next: offset + limit < total ? String(offset + limit) : null };
}
