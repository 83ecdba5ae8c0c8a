import type { QueueAction } from '../../../shared/console-api/index.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
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
      return { done: 1, failed: 0, message: `Retried job ${action.id}.` };
    case 'remove-job':
      await client.call('removeJob', { path: path(action.id), idempotencyKey: key });
      return { done: 1, failed: 0, message: `Removed job ${action.id}.` };
    case 'retry-jobs':
      return retryEach(client, action.queue, action.ids, key);
    case 'retry-all-failed': {
      const { retried } = await client.call('retryFailedJobs', { path: path(), idempotencyKey: key });
      return { done: retried, failed: 0, message: `Retried ${retried.toLocaleString('en-US')} failed jobs (${action.shown.toLocaleString('en-US')} were shown).` };
    }
    case 'pause':
    case 'resume':
      await client.call(action.kind === 'pause' ? 'pauseQueue' : 'resumeQueue', { path: path(), idempotencyKey: key });
      return { done: 1, failed: 0, message: action.kind === 'pause' ? `Paused ${action.queue}.` : `Resumed ${action.queue}.` };
  }
}

/** Retries exactly the listed jobs; one that is no longer failed (retried or removed since) is counted, not fatal. */
async function retryEach(client: OpsApiClient, queue: string, ids: readonly string[], key: string): Promise<ActionOutcome> {
  let done = 0;
  const gone: string[] = [];
  let next = 0;
  async function worker() {
    while (next < ids.length) {
      const id = ids[next++]!;
      try {
        await client.call('retryJob', { path: { name: queue, id }, idempotencyKey: `${key}:${id}` });
        done++;
      } catch (error) {
        if (!(error instanceof OpsApiError) || (error.kind !== 'not-found' && error.kind !== 'conflict' && error.kind !== 'invalid')) throw error;
        gone.push(id);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(parallelRetries, ids.length) }, worker));
  const message = `Retried ${done.toLocaleString('en-US')} of ${ids.length.toLocaleString('en-US')} jobs` + (gone.length === 0 ? '.' : `; ${gone.length.toLocaleString('en-US')} had left the failed state since (e.g. ${gone[0]}).`);
  return { done, failed: gone.length, message };
}
