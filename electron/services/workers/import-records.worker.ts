// An import's record reader: parses and validates batches of records (RecordWorkers' other end).
import { packedBuffers } from '../cache/packed-rows.ts';
import { importRecordsProtocol } from '../audit-import/import-records-protocol.ts';
import { readRecords } from '../audit-import/read-records.ts';
import { serveWorker } from './rpc/serve-worker.ts';
import { transferring } from './rpc/transfer.ts';

await serveWorker(importRecordsProtocol, () => ({
  read(work) {
    const read = readRecords(work);
    return transferring(read, packedBuffers(read.rows));
  },
}));
