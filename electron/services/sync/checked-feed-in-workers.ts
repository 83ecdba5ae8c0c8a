import type { PackedRows } from '../cache/packed-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerClient } from '../workers/rpc/worker-client.ts';
import { checkedFeed } from './checked-feed.ts';
import type { CheckedFeedRange } from './checked-feed.ts';
import { linkPage } from './checked-page.ts';
import type { CheckedPage } from './checked-page.ts';
import { feedWorkerProtocol, plannedPages } from './feed-messages.ts';
import type { FeedPlan } from './feed-messages.ts';

// Pages asked for and not yet taken: enough to keep the workers reading through a whole write
// transaction of the sync thread, which takes pages only between transactions.
const pagesAhead = 64;

/**
 * checkedFeed for a bulk load: `workers` threads at `path` fetch, read and check the pages
 * up to the head between them, in parallel, and this thread links them in order. The plan
 * assumes full pages; after a page that ends elsewhere (the platform may cap a page, by count
 * or by bytes, or start it a few events early) the rest is read here, page by page as served,
 * like what came after the head.
 */
export async function* checkedFeedInWorkers(path: string, client: OpsApiClient, range: CheckedFeedRange, workers: number): AsyncGenerator<PackedRows> {
  let linked = range.tip;
  const plan: FeedPlan = { afterSeq: linked.seq, headSeq: range.headSeq, limit: range.pageSize, workers };
  const pool = plannedPages(plan) === 0 ? [] : Array.from({ length: workers }, () => startWorkerClient(feedWorkerProtocol, () => path, { connection: client.connection, retry: client.retry, plan }));
  try {
    for await (const page of planPages(pool, plan)) {
      const plannedEnd = linked.seq + range.pageSize;
      linked = yield* linkPage(linked, page);
      if (linked.seq !== plannedEnd) break;
    }
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
  }
  yield* checkedFeed(client, { ...range, tip: linked });
}

/** Every page of the plan, in order, asked of worker page % workers; the first failure throws after every page before it. */
async function* planPages(pool: ReadonlyArray<WorkerClient<(typeof feedWorkerProtocol)['methods']>>, plan: FeedPlan): AsyncGenerator<CheckedPage> {
  const total = plannedPages(plan);
  const asked: Array<Promise<CheckedPage>> = [];
  let next = 0;
  const ask = () => {
    const page = next++;
    const answer = pool[page % pool.length]!.call('page', { page });
    // A failure surfaces when this page's turn comes; until then it must not count as unhandled.
    answer.catch(() => {});
    asked.push(answer);
  };
  while (next < total && asked.length < pagesAhead) ask();
  while (asked.length > 0) {
    const page = await asked.shift()!;
    if (next < total) ask();
    yield page;
  }
}
