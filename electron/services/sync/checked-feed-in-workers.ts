import type { Worker } from 'node:worker_threads';
import type { PackedRows } from '../cache/packed-rows.ts';
import { errorReason } from '../error-reason.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { fromWire } from '../workers/rpc/wire-error.ts';
import { startWorker } from '../workers/start-worker.ts';
import { checkedFeed } from './checked-feed.ts';
import type { CheckedFeedRange } from './checked-feed.ts';
import { linkPage } from './checked-page.ts';
import type { CheckedPage } from './checked-page.ts';
import { plannedPages } from './feed-messages.ts';
import type { FeedPlan, FeedWorkerData, FromFeedWorker, ToFeedWorker } from './feed-messages.ts';

/**
 * checkedFeed for a bulk load: `workers` threads at `path` fetch, read and check the pages
 * up to the head between them, in parallel, and this thread links them in order. The plan
 * assumes full pages; after a page that ends elsewhere (the platform may cap a page, by count
 * or by bytes, or start it a few events early) the rest is read here, page by page as served,
 * like what came after the head.
 */
export async function* checkedFeedInWorkers(path: string, client: OpsApiClient, range: CheckedFeedRange, workers: number): AsyncGenerator<PackedRows> {
  let linked = range.tip;
  const pool = new FeedWorkerPool(path, client, { afterSeq: linked.seq, headSeq: range.headSeq, limit: range.pageSize, workers });
  try {
    for await (const page of pool.pages()) {
      const plannedEnd = linked.seq + range.pageSize;
      linked = yield* linkPage(linked, page);
      if (linked.seq !== plannedEnd) break;
    }
  } finally {
    await pool.close();
  }
  yield* checkedFeed(client, { ...range, tip: linked });
}

/** The feed workers of one plan, and their pages put back in plan order. */
class FeedWorkerPool {
  private readonly workers: Worker[] = [];
  private readonly arrived = new Map<number, FromFeedWorker & { kind: 'page' | 'failed' }>();
  private stopped: Error | null = null;
  private closing = false;
  private wake: (() => void) | null = null;

  constructor(
    path: string,
    client: OpsApiClient,
    private readonly plan: FeedPlan,
  ) {
    const count = plannedPages(plan) === 0 ? 0 : plan.workers;
    try {
      for (let worker = 0; worker < count; worker++) this.workers.push(this.start(path, { connection: client.connection, retry: client.retry, plan, worker }));
    } catch (error) {
      void this.close(); // the workers started before the failure
      throw error;
    }
  }

  private start(path: string, data: FeedWorkerData): Worker {
    const started = startWorker(path, data);
    let done = false;
    started.on('message', (message: FromFeedWorker) => {
      if (message.kind === 'done') done = true;
      else this.arrived.set(message.page, message);
      this.notify();
    });
    started.on('error', (error: unknown) => this.stop(new Error(`An audit feed worker failed: ${errorReason(error)}`)));
    started.on('messageerror', (error) => this.stop(error));
    started.on('exit', () => done || this.closing || this.stop(new Error('An audit feed worker stopped before its pages were read.')));
    return started;
  }

  /** Every page of the plan, in order; the first failure throws, after every page before it. */
  async *pages(): AsyncGenerator<CheckedPage> {
    for (let page = 0; page < plannedPages(this.plan); page++) {
      let message = this.arrived.get(page);
      while (message === undefined) {
        if (this.stopped) throw this.stopped;
        await new Promise<void>((resume) => (this.wake = resume));
        message = this.arrived.get(page);
      }
      this.arrived.delete(page);
      this.workers[page % this.workers.length]!.postMessage({ kind: 'ack' } satisfies ToFeedWorker);
      if (message.kind === 'failed') throw fromWire(message.failure);
      yield message.checked;
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
  }

  private stop(error: Error): void {
    this.stopped ??= error;
    this.notify();
  }

  private notify(): void {
    this.wake?.();
    this.wake = null;
  }
}
