import type { OpsConnection, RetryPolicy } from '../ops-api/ops-api-client.ts';
import { OpsApiError } from '../ops-api/ops-api-error.ts';
import type { OpsApiErrorKind } from '../ops-api/ops-api-error.ts';
import type { CheckedPage } from './checked-page.ts';
import { IntegrityError } from './integrity-error.ts';

/**
 * The pages of a bulk load, split between feed workers: page j is the one after
 * `afterSeq + j * limit`, up to the one holding `headSeq`, and worker k reads every page j
 * with j % workers === k.
 */
export interface FeedPlan {
  afterSeq: number;
  headSeq: number;
  limit: number;
  workers: number;
}

export interface FeedWorkerData {
  connection: OpsConnection;
  retry: RetryPolicy;
  plan: FeedPlan;
  worker: number;
}

export function plannedPages({ afterSeq, headSeq, limit }: FeedPlan): number {
  return Math.ceil(Math.max(headSeq - afterSeq, 0) / limit);
}

/** Why the feed worker stopped early, as data: an Error's class does not survive postMessage. */
export type FeedFailure =
  | { type: 'integrity'; seq: number; id: string; problem: string }
  | { type: 'ops-api'; kind: OpsApiErrorKind; endpoint: string; detail: string; status: number | null }
  | { type: 'other'; message: string };

export type FromFeedWorker = { kind: 'page'; page: number; checked: CheckedPage } | { kind: 'failed'; page: number; failure: FeedFailure } | { kind: 'done' };

/** The host acknowledges each page it took, so a worker never runs far ahead. */
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
