// A reading thread of a bulk load: fetches, reads and checks the pages of the feed it is asked
// for (see FeedPlan) while the sync thread links and writes the pages it was sent before.
import { packedBuffers } from '../cache/packed-rows.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkFeedPage } from '../sync/checked-page.ts';
import { feedWorkerProtocol, plannedPages } from '../sync/feed-messages.ts';
import { FetchSlots } from '../sync/fetch-slots.ts';
import { fetchFeedPage } from '../sync/feed-pages.ts';
import { runAtBackgroundPriority } from './background-priority.ts';
import { serveWorker } from './rpc/serve-worker.ts';
import { transferring } from './rpc/transfer.ts';

// Downloads in flight at once: pages download ahead while the one before is checked.
const fetchesAtOnce = 3;

runAtBackgroundPriority();
await serveWorker(feedWorkerProtocol, ({ connection, retry, plan }) => {
  const client = createOpsApiClient(connection, retry);
  const slots = new FetchSlots(fetchesAtOnce);
  return {
    async page({ page }) {
      if (page >= plannedPages(plan)) throw new Error(`page ${page} is past the plan's ${plannedPages(plan)} pages`);
      const checked = checkFeedPage(await slots.run(() => fetchFeedPage(client, plan.afterSeq + page * plan.limit, plan.limit)));
      return transferring(checked, packedBuffers(checked.rows));
    },
  };
});
