import { on } from 'node:events';
import type { PackedRows } from '../cache/packed-rows.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { startWorker } from '../workers/start-worker.ts';
import type { CheckedFeedRange } from './checked-feed.ts';
import { feedError } from './feed-messages.ts';
import type { FeedWorkerData, FromFeedWorker, ToFeedWorker } from './feed-messages.ts';

/**
 * checkedFeed run on the worker thread at `path`: pages arrive here as they are checked there,
 * so reading and writing proceed on two cores. Stops the worker when the caller stops.
 */
export async function* checkedFeedInWorker(path: string, client: OpsApiClient, range: CheckedFeedRange): AsyncGenerator<PackedRows> {
  const data: FeedWorkerData = { ...range, connection: client.connection, retry: client.retry };
  const worker = startWorker(path, data);
  try {
    for await (const [message] of on(worker, 'message', { close: ['exit'] }) as AsyncIterable<[FromFeedWorker]>) {
      if (message.kind === 'done') return;
      if (message.kind === 'failed') throw feedError(message.failure);
      worker.postMessage({ kind: 'ack' } satisfies ToFeedWorker);
      yield message.rows;
    }
    throw new Error('The audit feed worker stopped before the feed ended.');
  } finally {
    await worker.terminate();
  }
}
