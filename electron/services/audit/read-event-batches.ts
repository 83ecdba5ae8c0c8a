import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { sourceWorkerPaths, startWorker } from '../workers/start-worker.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { LineBatch, LineBytes } from './ndjson-lines.ts';
import type { PackedReads } from './packed-reads.ts';
import { lineInputOf, readLines } from './read-lines.ts';

export interface EventBatch {
  firstLine: number;
  reads: PackedReads;
}

/** Worker threads that pay off: parsing and hashing is most of verify's work, reading and chaining the rest. */
export const defaultWorkerCount = (): number => Math.min(availableParallelism(), 4);

/**
 * Parses and hashes batches of lines, on `workers` worker threads (none: on this thread),
 * yielding them in file order. About two batches per worker are in flight, so memory stays
 * bounded however large the file.
 */
export async function* readEventBatches(
  batches: AsyncIterable<LineBatch | LineBytes>,
  workers: number,
  workerPaths: WorkerPaths = sourceWorkerPaths,
): AsyncGenerator<EventBatch> {
  if (workers === 0) {
    for await (const batch of batches) yield { firstLine: batch.firstLine, reads: readLines(lineInputOf(batch)) };
    return;
  }
  const pool = Array.from({ length: workers }, () => new LineWorker(startWorker(workerPaths('verify'), null)));
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
  private readonly waiting: Array<{ resolve(reads: PackedReads): void; reject(error: Error): void }> = [];

  constructor(private readonly worker: Worker) {
    worker.on('message', (reads: PackedReads) => this.waiting.shift()!.resolve(reads));
    worker.on('error', (error) => this.waiting.splice(0).forEach((waiter) => waiter.reject(error)));
  }

  read(batch: LineBatch | LineBytes): Promise<EventBatch> {
    const reads = new Promise<PackedReads>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(lineInputOf(batch));
    const result = reads.then((packed) => ({ firstLine: batch.firstLine, reads: packed }));
    // A failure surfaces when this batch is awaited; until then it must not count as unhandled.
    result.catch(() => {});
    return result;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}
