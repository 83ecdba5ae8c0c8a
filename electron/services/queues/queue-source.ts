import type { JobState, Job, QueueMetricPoint } from '../../../shared/ops-api/index.ts';
import type { QueueSnapshot } from '../../../shared/queues/queue-snapshot.ts';
import type { QueueAction } from '../../../shared/console-api/index.ts';

export type { QueueSnapshot };

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
  /**
   * The queue's history over [from, to) in steps of `stepS`, where the source keeps one (an Ops
   * API platform does; BullMQ keeps none, so Opsdeck's own samples are all there is).
   */
  history?(queue: string, from: number, to: number, stepS: number): Promise<QueueMetricPoint[]>;
  /** Carries out an action; `key` makes a retried request safe (sent as Idempotency-Key where the source takes one). */
  act(action: QueueAction, key: string): Promise<ActionOutcome>;
  close(): Promise<void>;
}
