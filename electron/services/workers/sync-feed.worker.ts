// The audit feed's reading thread during a long catch-up: fetches, parses, validates and
// chain-checks pages while the sync thread writes the rows it sent before.
import { parentPort, workerData } from 'node:worker_threads';
import { packedBuffers } from '../cache/packed-rows.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { checkedFeed } from '../sync/checked-feed.ts';
import { feedFailure } from '../sync/feed-messages.ts';
import type { FeedWorkerData, FromFeedWorker, ToFeedWorker } from '../sync/feed-messages.ts';

const data = workerData as FeedWorkerData;
const post = (message: FromFeedWorker, transfer: ArrayBuffer[] = []) => parentPort!.postMessage(message, transfer);

// Pages sent and not yet acknowledged. Enough to keep reading through a whole write
// transaction of the sync thread, which answers only between transactions.
const maxUnacknowledged = 64;
let unacknowledged = 0;
let resume: (() => void) | null = null;
parentPort!.on('message', (message: ToFeedWorker) => {
  if (message.kind !== 'ack') return;
  unacknowledged--;
  resume?.();
  resume = null;
});

try {
  for await (const rows of checkedFeed(createOpsApiClient(data.connection, data.retry), data)) {
    post({ kind: 'rows', rows }, packedBuffers(rows));
    if (++unacknowledged >= maxUnacknowledged) await new Promise<void>((done) => (resume = done));
  }
  post({ kind: 'done' });
} catch (error) {
  post({ kind: 'failed', failure: feedFailure(error) });
}
