import type { Queue } from '../ops-api/queues.ts';

/** A queue as a source sees it now: the Ops API's shape, but `workers` is null when the source cannot tell (a Redis that refuses CLIENT LIST). */
export type QueueSnapshot = Omit<Queue, 'workers'> & { workers: number | null };
