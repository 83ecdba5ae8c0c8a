import type { WireError } from './wire-error.ts';

/** What the host sends a worker. */
export type ToWorker = { kind: 'call'; id: number; method: string; input: unknown } | { kind: 'cancel'; id: number };

/** What a worker sends its host. */
export type FromWorker =
  | { kind: 'ready' }
  | { kind: 'start-failed'; error: WireError }
  | { kind: 'progress'; id: number; value: unknown }
  | { kind: 'result'; id: number; value: unknown }
  | { kind: 'error'; id: number; error: WireError };
