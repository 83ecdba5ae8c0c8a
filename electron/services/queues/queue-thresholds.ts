/** When a queue counts as in trouble (defaults; the alert settings will make them editable per queue). */
export interface QueueThresholds {
  /** Waiting jobs above this. */
  depth: number;
  /** The oldest waiting job older than this. */
  oldestWaitingMs: number;
  /** Failed of finished, 0..1, above this. */
  failureRate: number;
}

export const defaultQueueThresholds: QueueThresholds = { depth: 1_000, oldestWaitingMs: 10 * 60_000, failureRate: 0.05 };
