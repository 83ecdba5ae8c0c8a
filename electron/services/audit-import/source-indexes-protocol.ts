import { z } from 'zod';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';
import type { ImportProgress } from './import-progress.ts';

/** What the index thread reports: each field index as it starts, and the full text a batch at a time. */
export type SourceIndexProgress = Extract<ImportProgress, { phase: 'indexing' | 'text' }>;

/** An import's index builds, on a thread of their own so that the import's thread is free to verify and report meanwhile. */
export const sourceIndexesProtocol = workerProtocol({
  worker: 'source-indexes',
  data: z.object({ dbPath: z.string() }),
  methods: {
    /** Builds the field indexes the load deferred, then the full-text index. */
    build: method<null, SourceIndexProgress>()(z.object({})),
  },
});
