// A reading thread of a bulk load: fetches, reads and checks its share of the feed's pages
// (see FeedPlan) while the sync thread links and writes the pages sent before.
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers } from '../cache/packed-rows.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkFeedPage } from '../sync/checked-page.ts';
import { plannedPages } from '../sync/feed-messages.ts';
import type { FeedWorkerData, FromFeedWorker, ToFeedWorker } from '../sync/feed-messages.ts';
import { fetchFeedPage } from '../sync/feed-pages.ts';
import { runAtBackgroundPriority } from './background-priority.ts';
import { toWire } from './rpc/wire-error.ts';

runAtBackgroundPriority();
const { connection, retry, plan, worker } = workerData as FeedWorkerData;
const client = createOpsApiClient(connection, retry);
const post = (message: FromFeedWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

// Pages sent and not yet taken. Enough to keep reading through a whole write transaction of
// the sync thread, which takes pages only between transactions.
const maxUnacknowledged = 64;
let unacknowledged = 0;
let resume: (() => void) | null = null;
parentPort!.on('message', (message: ToFeedWorker) => {
  if (message.kind !== 'ack') return;
  unacknowledged--;
  resume?.();
  resume = null;
});

const pages = plannedPages(plan);
const myPages = Array.from({ length: Math.max(Math.ceil((pages - worker) / plan.workers), 0) }, (_, index) => worker + index * plan.workers);
// Pages download ahead while the one before is checked.
const fetchesAhead = 3;
const ahead = myPages.slice(0, fetchesAhead).map(fetchPage);
for (const [index, page] of myPages.entries()) {
  const later = myPages[index + fetchesAhead];
  if (later !== undefined) ahead.push(fetchPage(later));
  const fetched = ahead.shift()!;
  try {
    const checked = checkFeedPage(await fetched);
    post({ kind: 'page', page, checked }, packedBuffers(checked.rows));
  } catch (error) {
    post({ kind: 'failed', page, failure: toWire(error) });
    break;
  }
  if (++unacknowledged >= maxUnacknowledged) await new Promise<void>((done) => (resume = done));
}
post({ kind: 'done' });

function fetchPage(page: number) {
  const fetched = fetchFeedPage(client, plan.afterSeq + page * plan.limit, plan.limit);
  fetched.catch(() => {}); // awaited in turn
  return fetched;
}
