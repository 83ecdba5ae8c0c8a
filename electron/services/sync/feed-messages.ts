import type { PackedRows } from '../cache/packed-rows.ts';
import type { OpsConnection, RetryPolicy } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import type { OpsApiErrorKind } from '../ops-api/ops-api-error.ts';
import type { CheckedFeedRange } from './checked-feed.ts';
import { IntegrityError } from './integrity-error.ts';

export interface FeedWorkerData extends CheckedFeedRange {
  connection: OpsConnection;
  retry: RetryPolicy;
}

/** Why the feed worker stopped early, as data: an Error's class does not survive postMessage. */
export type FeedFailure =
  | { type: 'integrity'; seq: number; id: string; problem: string }
  | { type: 'ops-api'; kind: OpsApiErrorKind; endpoint: string; detail: string; status: number | null }
  | { type: 'other'; message: string };

export type FromFeedWorker = { kind: 'rows'; rows: PackedRows } | { kind: 'done' } | { kind: 'failed'; failure: FeedFailure };

/** The host acknowledges each batch of rows it received, so the worker never runs far ahead. */
export type ToFeedWorker = { kind: 'ack' };

export function feedFailure(error: unknown): FeedFailure {
  if (error instanceof IntegrityError) return { type: 'integrity', seq: error.seq, id: error.id, problem: error.problem };
  if (error instanceof OpsApiError) return { type: 'ops-api', kind: error.kind, endpoint: error.endpoint, detail: error.detail, status: error.status };
  return { type: 'other', message: (error as Error).message };
}

export function feedError(failure: FeedFailure): Error {
  switch (failure.type) {
    case 'integrity':
      return new IntegrityError(failure.seq, failure.id, failure.problem);
    case 'ops-api':
      return new OpsApiError(failure.kind, failure.endpoint, failure.detail, failure.status);
    case 'other':
      return new Error(failure.message);
  }
}
