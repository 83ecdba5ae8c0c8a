import { auditEvents } from '../cache/append-audit-page.ts';
import { rowValues } from '../cache/synced-rows.ts';
import type { SqlValue } from '../cache/synced-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkPageChain } from './audit-chain.ts';
import type { ChainTip } from './audit-chain.ts';
import { feedPages } from './feed-pages.ts';

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
 * The feed after `tip`, page by page, each page chain-checked against the one before and
 * turned into audit_events rows (column order). Only checked rows are yielded, in seq order;
 * the first break throws, after everything before it was yielded.
 */
export async function* checkedFeed(client: OpsApiClient, { tip, headSeq, pageSize }: CheckedFeedRange): AsyncGenerator<SqlValue[][]> {
  let linked = tip;
  for await (const page of feedPages(client, { afterSeq: tip.seq, headSeq, limit: pageSize, depth: pagesAhead })) {
    linked = checkPageChain(linked, page.events.map((item) => item.event));
    yield page.events.map((item) => rowValues(auditEvents, item, 0));
  }
}
