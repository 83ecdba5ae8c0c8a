import { availableParallelism } from 'node:os';
import { wholeBufferOf } from '../workers/rpc/transfer.ts';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerClient } from '../workers/rpc/worker-client.ts';
import { sourceWorkerPaths } from '../workers/start-worker.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { LineBatch, LineBytes } from './ndjson-lines.ts';
import type { PackedReads } from './packed-reads.ts';
import { lineInputOf, readLines } from './read-lines.ts';
import { verifyProtocol } from './verify-protocol.ts';
import type { LineInput, VerifyMethods } from './verify-protocol.ts';

export interface EventBatch {
  firstLine: number;
  reads: PackedReads;
}

/** Worker threads that pay off: parsing and hashing is most of verify's work, reading and chaining the rest. */
export const defaultWorkerCount = (): number => Math.min(availableParallelism(), 4);

/**
 * Parses and hashes batches of lines, on `workers` worker threads (none: on this thread),
 * yielding them in file order. About two batches per worker are in flight, so memory stays
 * bounded however large the file. A batch's bytes are moved to its worker: the batches must
 * not be used once handed over.
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
  const pool = Array.from({ length: workers }, () => startWorkerClient(verifyProtocol, workerPaths, {}));
  const inFlight: Array<Promise<EventBatch>> = [];
  let turn = 0;
  try {
    for await (const batch of batches) {
      inFlight.push(readOn(pool[turn++ % workers]!, batch));
      if (inFlight.length > workers * 2) yield await inFlight.shift()!;
    }
    while (inFlight.length > 0) yield await inFlight.shift()!;
  } finally {
    await Promise.all(pool.map((worker) => worker.close()));
  }
}

function readOn(worker: WorkerClient<VerifyMethods>, batch: LineBatch | LineBytes): Promise<EventBatch> {
  const input = lineInputOf(batch);
  const read = worker.call('readLines', input, { transfer: movableBuffers(input) }).then((reads) => ({ firstLine: batch.firstLine, reads }));
  // A failure surfaces when this batch is awaited; until then it must not count as unhandled.
  read.catch(() => {});
  return read;
}

/** The input's buffers that nothing else holds, which a worker can take rather than copy. */
function movableBuffers(input: LineInput): ArrayBuffer[] {
  return wholeBufferOf('bytes' in input ? input.bytes : input.ends);
}
