import { AuditRowPacker } from '../cache/packed-audit-rows.ts';
import type { PackedRows } from '../cache/packed-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkPageChain } from './audit-chain.ts';
import type { ChainTip } from './audit-chain.ts';
import { feedPages } from './feed-pages.ts';
import { computedHash } from './read-feed-page.ts';

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
 * packed as audit_events rows with the raw bytes of its events. Only checked pages are
 * yielded, in seq order; the first break throws, after everything before it was yielded.
 */
export async function* checkedFeed(client: OpsApiClient, { tip, headSeq, pageSize }: CheckedFeedRange): AsyncGenerator<PackedRows> {
  let linked = tip;
  for await (const page of feedPages(client, { afterSeq: tip.seq, headSeq, limit: pageSize, depth: pagesAhead })) {
    linked = checkPageChain(linked, page.events, (index) => computedHash(page, index));
    const rows = new AuditRowPacker();
    page.events.forEach((event, index) => rows.add(event, page.bounds[2 * index]!, page.bounds[2 * index + 1]!));
    yield rows.pack(page.bytes);
  }
}
