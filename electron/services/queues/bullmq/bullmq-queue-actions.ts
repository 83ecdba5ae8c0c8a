import { ErrorCode } from 'bullmq';
import type { Queue } from 'bullmq';
import type { Redis } from 'ioredis';
import type { QueueAction } from '../../../../shared/console-api/index.ts';
import { actionOutcomes } from '../action-outcomes.ts';
import { retryListedFailed } from './retry-listed-failed.ts';
import type { ActionOutcome } from '../queue-source.ts';

/** Retries a failed job; 'gone' when it is not failed (retried or removed since, or never there). */
async function retryIfFailed(queue: Queue, id: string): Promise<'retried' | 'gone'> {
  const job = await queue.getJob(id);
  if (job === undefined) return 'gone';
  try {
    await job.retry('failed');
    return 'retried';
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === ErrorCode.JobNotExist || code === ErrorCode.JobNotInState) return 'gone';
    throw error;
  }
}

/** Retries exactly the listed jobs; one that is no longer failed is counted, not fatal. */
async function retryListed(queue: Queue, client: Redis, ids: readonly string[]): Promise<ActionOutcome> {
  const { retried, left } = await retryListedFailed(queue, client, ids);
  const leftResults = await Promise.all(left.map((id) => retryIfFailed(queue, id)));
  const done = new Set([...retried, ...left.filter((_, index) => leftResults[index] === 'retried')]);
  return actionOutcomes.retriedListed(ids.length, ids.filter((id) => !done.has(id)));
}

/**
 * Retries every failed job and says how many. `retryJobs` reports nothing, so the set is fixed
 * first: the jobs that had failed by the newest one's finish (the failed set's score), counted,
 * then retried up to that score; a job failing meanwhile stays failed rather than be miscounted.
 */
async function retryAllFailed(queue: Queue, client: Redis): Promise<number> {
  const failedKey = queue.toKey('failed');
  const [, newestScore] = await client.zrevrange(failedKey, 0, 0, 'WITHSCORES');
  if (newestScore === undefined) return 0;
  const failed = await client.zcount(failedKey, '-inf', newestScore);
  await queue.retryJobs({ state: 'failed', timestamp: Number(newestScore) });
  return failed;
}

/** Carries out an action on a queue through BullMQ; `client` is the connection the queue uses. */
export async function runBullmqQueueAction(queue: Queue, client: Redis, action: QueueAction): Promise<ActionOutcome> {
  switch (action.kind) {
    case 'retry-job':
      if ((await retryIfFailed(queue, action.id)) === 'gone') throw new Error(`job ${action.id} is not failed in ${action.queue} (retried or removed since?).`);
      return actionOutcomes.retriedJob(action.id);
    case 'remove-job': {
      const job = await queue.getJob(action.id);
      if (job === undefined) throw new Error(`job ${action.id} is not in ${action.queue} (removed since?).`);
      await job.remove();
      return actionOutcomes.removedJob(action.id);
    }
    case 'retry-jobs':
      return retryListed(queue, client, action.ids);
    case 'retry-all-failed': {
      const retried = await retryAllFailed(queue, client);
      return actionOutcomes.retriedAll(retried, action.shown);
    }
    case 'pause':
    case 'resume':
      await (action.kind === 'pause' ? queue.pause() : queue.resume());
      return actionOutcomes.pausedOrResumed(action.kind, action.queue);
  }
}
