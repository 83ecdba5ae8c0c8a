import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { readFeedPage } from './read-feed-page.ts';
import type { FeedPage } from './read-feed-page.ts';

export interface FeedRange {
  /** The feed resumes after this seq. */
  afterSeq: number;
  /** The platform's head when the sync started: no page is requested ahead beyond it. */
  headSeq: number;
  limit: number;
  /** Pages requested ahead of the one being checked. */
  depth: number;
}

/** What the paging needs of a page, however it was read. */
export interface PagedResult {
  last: { seq: number } | null;
  hasMore: boolean;
}

/**
 * The `after_seq` feed page by page, with up to `depth` requests in flight: the feed has no
 * gaps, so the page after a full page of `limit` starts `limit` seqs later. A short page that
 * still has more (the platform may serve fewer) drops the guesses and goes on from its end.
 */
export async function* feedPages<P extends PagedResult>(fetchPage: (afterSeq: number, limit: number) => Promise<P>, { afterSeq, headSeq, limit, depth }: FeedRange): AsyncGenerator<P> {
  const ahead: Array<{ afterSeq: number; page: Promise<P> }> = [];
  let next = afterSeq;
  for (;;) {
    while (ahead.length === 0 || (ahead.length < depth && next < headSeq)) {
      const page = fetchPage(next, limit);
      page.catch(() => {}); // awaited in turn; a failure there is reported there, a dropped guess is ignored
      ahead.push({ afterSeq: next, page });
      next += limit;
    }
    const request = ahead.shift()!;
    const page = await request.page;
    yield page;
    const last = page.last?.seq;
    if (!page.hasMore || last === undefined) return;
    if (last !== request.afterSeq + limit) {
      ahead.length = 0;
      next = last;
    }
  }
}

export async function fetchFeedPage(client: OpsApiClient, afterSeq: number, limit: number): Promise<FeedPage> {
  const { bytes, endpoint } = await client.callForBytes('listAuditEvents', { query: { after_seq: afterSeq, limit } });
  return readFeedPage(bytes, endpoint, afterSeq);
}
