import type { JobState, Job, Queue } from '../../../shared/ops-api/index.ts';
import type { QueueAction } from '../../../shared/console-api/index.ts';

/** A queue as a source sees it now. `workers` is null when the source cannot tell (a Redis that refuses CLIENT LIST). */
export type QueueSnapshot = Omit<Queue, 'workers'> & { workers: number | null };

export interface JobsPage {
  jobs: Job[];
  /** Opaque; null on the last page. */
  next: string | null;
}

export interface ActionOutcome {
  done: number;
  failed: number;
  message: string;
}

/**
 * Where queue health comes from: an Ops API platform, or BullMQ queues straight from Redis.
 * The sync tasks, the actions and the command line speak to this, never to a client directly.
 */
export interface QueueSource {
  /** Every queue with its counts now, rates per minute and the oldest waiting job's age. */
  listQueues(): Promise<QueueSnapshot[]>;
  /** A queue's failed jobs, newest first, up to `max`. */
  failedJobs(queue: string, max: number): Promise<Job[]>;
  /** One page of a queue's jobs in a state, newest first. */
  jobs(queue: string, state: JobState, cursor: string | null, limit: number): Promise<JobsPage>;
  /** Carries out an action; `key` makes a retried request safe (sent as Idempotency-Key where the source takes one). */
  act(action: QueueAction, key: string): Promise<ActionOutcome>;
  close(): Promise<void>;
}
