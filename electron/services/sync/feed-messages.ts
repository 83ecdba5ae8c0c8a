import type { OpsConnection, RetryPolicy } from '../ops-api/ops-api-client.ts';
import type { WireError } from '../workers/rpc/wire-error.ts';
import type { CheckedPage } from './checked-page.ts';

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

export type FromFeedWorker = { kind: 'page'; page: number; checked: CheckedPage } | { kind: 'failed'; page: number; failure: WireError } | { kind: 'done' };

/** The host acknowledges each page it took, so a worker never runs far ahead. */
export type ToFeedWorker = { kind: 'ack' };
