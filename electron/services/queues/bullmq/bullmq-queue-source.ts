import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { Clock } from '../../../../shared/clock.ts';
import type { QueueSnapshot, QueueSource } from '../queue-source.ts';
import { SourceUnreachableError } from '../../source-unreachable.ts';
import { runBullmqQueueAction } from './bullmq-queue-actions.ts';
import { refuseWhatBullmq5WouldDrop } from './bullmq5-pause-guard.ts';
import { findQueueNames } from './find-queue-names.ts';
import { jobsPage } from './job-pages.ts';
import { snapshotQueue } from './queue-snapshot.ts';
import { redisConnectionOptions } from './redis-connection-options.ts';

export interface BullmqQueueSourceOptions {
  /** redis:// or rediss://; a password in it is used only when `password` is not given. */
  url: string;
  /** BullMQ's key prefix; 'bull' unless the platform set another. */
  prefix?: string;
  /** TLS even on a redis:// URL. */
  tls?: boolean;
  /** From the OS keychain: never logged, never in an error. */
  password?: string | null;
  clock: Clock;
}

/** BullMQ queues straight from Redis, through BullMQ itself, on one connection. */
export function createBullmqQueueSource({ url, prefix = 'bull', tls = false, password = null, clock }: BullmqQueueSourceOptions): QueueSource {
  const { options, where } = redisConnectionOptions({ url, tls, password });
  const client = new Redis(options);
  let connectionError: string | null = null;
  client.on('error', (error: Error) => (connectionError = error.message));
  client.on('ready', () => (connectionError = null));
  const queues = new Map<string, Queue>();
  const previous = new Map<string, QueueSnapshot>();

  function queueNamed(name: string): Queue {
    let queue = queues.get(name);
    if (queue === undefined) {
      // A console looks; it must not rewrite the BullMQ version the platform recorded in the meta.
      queue = new Queue(name, { connection: client, prefix, skipMetasUpdate: true });
      // A failure reaches the caller through the call that failed.
      queue.on('error', () => {});
      queues.set(name, queue);
    }
    return queue;
  }

  /** Why a call failed: while the connection is down, why it is down, not that the command gave up. */
  function reasonOf(error: unknown): string {
    if (client.status !== 'ready' && connectionError !== null) return connectionError;
    return error instanceof Error ? error.message || error.name : String(error);
  }

  /** Runs a call, failing with what it was, where and why. */
  async function guarded<T>(what: string, run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      const message = `${what} on Redis at ${where}: ${reasonOf(error)}`;
      // No cause: an ioredis error keeps its command, whose arguments may hold AUTH's password.
      throw client.status === 'ready' ? new Error(message) : new SourceUnreachableError(message);
    }
  }

  return {
    listQueues: () =>
      guarded('Cannot list the BullMQ queues', async () => {
        const now = clock();
        const names = await findQueueNames(client, prefix);
        const snapshots = await Promise.all(names.map((name) => snapshotQueue(queueNamed(name), previous.get(name), now)));
        previous.clear();
        for (const snapshot of snapshots) previous.set(snapshot.name, snapshot);
        return snapshots;
      }),
    failedJobs: (queue, max) => guarded(`Cannot read the failed jobs of ${queue}`, async () => (await jobsPage(queueNamed(queue), 'failed', null, max)).jobs),
    jobs: (queue, state, cursor, limit) => guarded(`Cannot read the ${state} jobs of ${queue}`, () => jobsPage(queueNamed(queue), state, cursor, limit)),
    // Redis takes no idempotency key: a repeated retry finds the job no longer failed and says so,
    // a repeated pause or resume changes nothing.
    act: (action, _key) =>
      guarded(`Cannot act on ${action.queue}`, async () => {
        const queue = queueNamed(action.queue);
        // Acting on a queue that is not there would create one (a pause writes its meta).
        if ((await client.exists(queue.toKey('meta'))) === 0) throw new Error(`there is no queue named ${action.queue} under the prefix '${prefix}'.`);
        await refuseWhatBullmq5WouldDrop(queue, action);
        return runBullmqQueueAction(queue, client, action);
      }),
    async close() {
      await Promise.all([...queues.values()].map((queue) => queue.close()));
      queues.clear();
      if (client.status === 'ready') await client.quit();
      else client.disconnect();
    },
  };
}
