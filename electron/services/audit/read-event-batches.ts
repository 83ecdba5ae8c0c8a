import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readEventLine } from './event-line.ts';
import type { EventLine, UnreadableLine } from './event-line.ts';
import type { LineBatch } from './ndjson-lines.ts';

export interface EventBatch {
  firstLine: number;
  reads: Array<EventLine | UnreadableLine>;
}

/** Worker threads that pay off: parsing and hashing is most of verify's work, reading and chaining the rest. */
export const defaultWorkerCount = (): number => Math.min(availableParallelism(), 4);

/**
 * Parses and hashes batches of lines, on `workers` worker threads (none: on this thread),
 * yielding them in file order. About two batches per worker are in flight, so memory stays
 * bounded however large the file.
 */
export async function* readEventBatches(batches: AsyncIterable<LineBatch>, workers: number): AsyncGenerator<EventBatch> {
  if (workers === 0) {
    for await (const { firstLine, texts } of batches) yield { firstLine, reads: texts.map((text) => readEventLine(text)) };
    return;
  }
  const pool = Array.from({ length: workers }, () => new LineWorker());
  const inFlight: Array<Promise<EventBatch>> = [];
  let turn = 0;
  try {
    for await (const batch of batches) {
      inFlight.push(pool[turn++ % workers]!.read(batch));
      if (inFlight.length > workers * 2) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await Promise.all(pool.map((worker) => worker.stop()));
  }
}

/** One worker; it answers batches in the order it got them. */
class LineWorker {
  private readonly worker = new Worker(new URL('./event-line-worker.ts', import.meta.url));
  private readonly waiting: Array<{ resolve(reads: EventBatch['reads']): void; reject(error: Error): void }> = [];

  constructor() {
    this.worker.on('message', (reads: EventBatch['reads']) => this.waiting.shift()!.resolve(reads));
    this.worker.on('error', (error) => this.waiting.splice(0).forEach((waiter) => waiter.reject(error)));
  }

  read({ firstLine, texts }: LineBatch): Promise<EventBatch> {
    const reads = new Promise<EventBatch['reads']>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(texts);
    const batch = reads.then((result) => ({ firstLine, reads: result }));
    // A failure surfaces when this batch is awaited; until then it must not count as unhandled.
    batch.catch(() => {});
    return batch;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
