// An import's record reader: parses and validates batches of records, replying in order.
import { parentPort } from 'node:worker_threads';
import { packedBuffers } from '../cache/packed-rows.ts';
import { readRecords } from '../audit-import/read-records.ts';
import type { RecordWork } from '../audit-import/read-records.ts';

const port = parentPort!;
port.on('message', (work: RecordWork) => {
  const read = readRecords(work);
  port.postMessage(read, packedBuffers(read.rows));
});
