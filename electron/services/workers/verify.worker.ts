// A thread of verify's pool (readEventBatches): parses and hashes batches of lines, replying in order.
import { parentPort } from 'node:worker_threads';
import { readLines } from '../audit/read-lines.ts';
import type { LineInput } from '../audit/read-lines.ts';
import { transferablesOf } from '../audit/packed-reads.ts';

const port = parentPort!;
port.on('message', (input: LineInput) => {
  const reads = readLines(input);
  port.postMessage(reads, transferablesOf(reads));
});
