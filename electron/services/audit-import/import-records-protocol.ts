import { z } from 'zod';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';
import { recordWork } from './read-records.ts';
import type { ReadRecords } from './read-records.ts';

/** A record reader of an import (see RecordWorkers): parses and validates the batches of records it is sent. */
export const importRecordsProtocol = workerProtocol({
  worker: 'import-records',
  data: z.object({}),
  methods: {
    /** A batch's records read (readRecords); an NDJSON batch's bytes may be moved in, the rows' buffers are moved back. */
    read: method<ReadRecords>()(recordWork),
  },
});

export type ImportRecordsMethods = (typeof importRecordsProtocol)['methods'];
