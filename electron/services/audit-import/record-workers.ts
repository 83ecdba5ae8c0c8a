import { wholeBufferOf } from '../workers/rpc/transfer.ts';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import { importRecordsProtocol } from './import-records-protocol.ts';
import type { ImportRecordsMethods } from './import-records-protocol.ts';
import type { ReadRecords, RecordWork } from './read-records.ts';

/**
 * A worker holds a few batches at a time, but left alone V8 lets its heap grow by hundreds of
 * MB of garbage over a large file; these limits (a batch is about 1 MB) cut the import's peak
 * RSS by ~100 MB at no measured cost in speed.
 */
const heapLimits = { maxOldGenerationSizeMb: 96, maxYoungGenerationSizeMb: 8 };

/**
 * Worker threads that parse and validate records (most of an import's CPU besides SQLite),
 * answering in the order they were given work. About two batches per worker are in flight,
 * so memory stays bounded however large the file.
 */
export class RecordWorkers {
  private readonly pool: Array<WorkerClient<ImportRecordsMethods>>;
  private turn = 0;

  constructor(paths: WorkerPaths, count: number) {
    this.pool = Array.from({ length: count }, () => startWorkerClient(importRecordsProtocol, paths, {}, heapLimits));
  }

  /** Reads each batch of `work` on the pool, yielding results in order with what travelled beside it. */
  async *read<T extends { work: RecordWork }>(work: AsyncIterable<T>): AsyncGenerator<T & { read: ReadRecords }> {
    const inFlight: Array<Promise<T & { read: ReadRecords }>> = [];
    for await (const item of work) {
      const worker = this.pool[this.turn++ % this.pool.length]!;
      const answer = worker.call('read', item.work, { transfer: movableBuffers(item.work) }).then((read) => ({ ...item, read }));
      // A failure surfaces when this batch is awaited; until then it must not count as unhandled.
      answer.catch(() => {});
      inFlight.push(answer);
      if (inFlight.length > this.pool.length * 2) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  }

  async stop(): Promise<void> {
    await Promise.all(this.pool.map((worker) => worker.close()));
  }
}

/** An NDJSON batch's bytes when they are all of their buffer, which the worker can take rather than copy (never a slice of Node's pool). */
function movableBuffers(work: RecordWork): ArrayBuffer[] {
  return work.kind === 'ndjson' ? wholeBufferOf(work.bytes) : [];
}
