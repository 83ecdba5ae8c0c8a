import type { QueueAction } from '../../../shared/console-api/index.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import { actionOutcomes } from './action-outcomes.ts';
import type { ActionOutcome } from './queue-source.ts';

/** Jobs of a group retried at once; the platform's rate limit is per token. */
const parallelRetries = 8;

/**
 * Carries out an action through the Ops API. Every request carries an Idempotency-Key derived
 * from `key`, so a retried request (a timeout, a 503) never acts twice.
 */
export async function runOpsApiQueueAction(client: OpsApiClient, action: QueueAction, key: string): Promise<ActionOutcome> {
  const path = (id?: string) => ({ name: action.queue, ...(id === undefined ? {} : { id }) });
  switch (action.kind) {
    case 'retry-job':
      await client.call('retryJob', { path: path(action.id), idempotencyKey: key });
      return actionOutcomes.retriedJob(action.id);
    case 'remove-job':
      await client.call('removeJob', { path: path(action.id), idempotencyKey: key });
      return actionOutcomes.removedJob(action.id);
    case 'retry-jobs':
      return retryEach(client, action.queue, action.ids, key);
    case 'retry-all-failed': {
      const { retried } = await client.call('retryFailedJobs', { path: path(), idempotencyKey: key });
      return actionOutcomes.retriedAll(retried, action.shown);
    }
    case 'pause':
    case 'resume':
      await client.call(action.kind === 'pause' ? 'pauseQueue' : 'resumeQueue', { path: path(), idempotencyKey: key });
      return actionOutcomes.pausedOrResumed(action.kind, action.queue);
  }
}

/** Retries exactly the listed jobs; one that is no longer failed (retried or removed since) is counted, not fatal. */
async function retryEach(client: OpsApiClient, queue: string, ids: readonly string[], key: string): Promise<ActionOutcome> {
  const gone: string[] = [];
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        await client.call('retryJob', { path: { name: queue, id }, idempotencyKey: `${key}:${id}` });
      } catch (error) {
        if (!(error instanceof OpsApiError) || (error.kind !== 'not-found' && error.kind !== 'conflict' && error.kind !== 'invalid')) throw error;
        gone.push(id);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelRetries, ids.length) }, worker));
  return actionOutcomes.retriedListed(ids.length, gone);
}
