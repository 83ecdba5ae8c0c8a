// A thread of verify's pool (readEventBatches): parses and hashes the batches of lines it is sent.
import { transferablesOf } from '../audit/packed-reads.ts';
import { readLines } from '../audit/read-lines.ts';
import { verifyProtocol } from '../audit/verify-protocol.ts';
import { serveWorker } from './rpc/serve-worker.ts';
import { transferring } from './rpc/transfer.ts';

await serveWorker(verifyProtocol, () => ({
  readLines(input) {
    const reads = readLines(input);
    return transferring(reads, transferablesOf(reads));
  },
}));
