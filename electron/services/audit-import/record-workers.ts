import type { Worker } from 'node:worker_threads';
import { startWorker } from '../workers/start-worker.ts';
import type { ReadRecords, RecordWork } from './read-records.ts';

/**
 * Worker threads that parse and validate records (most of an import's CPU besides SQLite),
 * answering in the order they were given work. About two batches per worker are in flight,
 * so memory stays bounded however large the file.
 */
export class RecordWorkers {
  private readonly pool: RecordWorker[];
  private turn = 0;

  constructor(entry: string, count: number) {
    this.pool = Array.from({ length: count }, () => new RecordWorker(entry));
  }

  /** Reads each batch of `work` on the pool, yielding results in order with what travelled beside it. */
  async *read<T extends { work: RecordWork }>(work: AsyncIterable<T>): AsyncGenerator<T & { read: ReadRecords }> {
    const inFlight: Array<Promise<T & { read: ReadRecords }>> = [];
    for await (const item of work) {
      const worker = this.pool[this.turn++ % this.pool.length]!;
      const answer = worker.read(item.work).then((read) => ({ ...item, read }));
      // A failure surfaces when this batch is awaited; until then it must not count as unhandled.
      answer.catch(() => {});
      inFlight.push(answer);
      if (inFlight.length > this.pool.length * 2) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  }

  async stop(): Promise<void> {
    await Promise.all(this.pool.map((worker) => worker.stop()));
  }
}

/**
 * A worker holds a few batches at a time, but left alone V8 lets its heap grow by hundreds of
 * MB of garbage over a large file; these limits (a batch is about 1 MB) cut the import's peak
 * RSS by ~100 MB at no measured cost in speed.
 */
const heapLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

class RecordWorker {
  private readonly worker: Worker;
  private readonly waiting: Array<{ resolve(read: ReadRecords): void; reject(error: Error): void }> = [];

  constructor(entry: string) {
    this.worker = startWorker(entry, null, heapLimits);
    this.worker.on('message', (read: ReadRecords) => this.waiting.shift()!.resolve(read));
    this.worker.on('error', (error) => this.waiting.splice(0).forEach((waiter) => waiter.reject(error)));
    this.worker.on('exit', (code) => this.waiting.splice(0).forEach((waiter) => waiter.reject(new Error(`The import's record reader stopped (exit code ${code}).`))));
  }

  read(work: RecordWork): Promise<ReadRecords> {
    const read = new Promise<ReadRecords>((resolve, reject) => this.waiting.push({ resolve, reject }));
    this.worker.postMessage(work, work.kind === 'ndjson' && ownsBuffer(work.bytes) ? [work.bytes.buffer as ArrayBuffer] : []);
    return read;
  }

  async stop(): Promise<void> {
    await this.worker.terminate();
  }
}

/** Only a buffer that is all of its ArrayBuffer may be transferred (never a slice of Node's pool). */
function ownsBuffer(bytes: Uint8Array): boolean {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
}
