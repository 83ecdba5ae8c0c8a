import { z } from 'zod';
import { auditQueries } from '../audit-search/audit-queries.ts';
import { queueQueries } from '../queues/queue-queries.ts';
import { workerProtocol } from '../workers/rpc/protocol.ts';
import { combineQueryModules } from './query-module.ts';

/** Every domain's reads of cached data, served by one reader thread per source. */
export const readerQueries = combineQueryModules([auditQueries, queueQueries]);

export const readerProtocol = workerProtocol({
  worker: 'reader',
  data: z.object({ dbPath: z.string() }),
  methods: readerQueries.methods,
});

export type ReaderMethods = (typeof readerQueries)['methods'];
