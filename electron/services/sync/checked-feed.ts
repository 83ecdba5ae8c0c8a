import type { PackedRows } from '../cache/packed-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ChainTip } from './audit-chain.ts';
import { checkFeedPage, linkPage } from './checked-page.ts';
import { feedPages, fetchFeedPage } from './feed-pages.ts';

export interface CheckedFeedRange {
  /** The cached tip the first page must link to. */
  tip: ChainTip;
  /** The platform's head when the sync started. */
  headSeq: number;
  pageSize: number;
}

/** Feed requests in flight while a page is checked. */
const pagesAhead = 3;

/**
 * The feed after `tip`, read and checked on this thread, page by page: each page chain-checked
 * against the one before and packed as audit_events rows with the raw bytes of its events.
 * Only checked events are yielded, in seq order; the first break throws, after every event
 * before it was yielded.
 */
export async function* checkedFeed(client: OpsApiClient, { tip, headSeq, pageSize }: CheckedFeedRange): AsyncGenerator<PackedRows> {
  let linked = tip;
  const fetchPage = async (afterSeq: number, limit: number) => checkFeedPage(await fetchFeedPage(client, afterSeq, limit));
  for await (const page of feedPages(fetchPage, { afterSeq: tip.seq, headSeq, limit: pageSize, depth: pagesAhead })) {
    linked = yield* linkPage(linked, page);
  }
}
