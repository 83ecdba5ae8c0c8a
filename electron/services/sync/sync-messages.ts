import { z } from 'zod';
import type { SyncResource } from '../../../shared/console-api/index.ts';
import { cacheCipher } from '../cache/cache-cipher.ts';
import { profileConnection } from '../profiles/profile-connection.ts';
import { method, workerProtocol } from '../workers/rpc/protocol.ts';

/** What the sync engine reports as it runs: the progress of its `run` call. */
export type FromSyncWorker =
  | { kind: 'cached'; resources: Array<{ resource: SyncResource; lastSuccessAt: number | null; lastError: string | null }> }
  | { kind: 'progress'; resource: SyncResource; progress: number | null; detail: string | null }
  | { kind: 'success'; resource: SyncResource; at: number; changed: boolean }
  | { kind: 'failure'; resource: SyncResource; at: number; message: string; unreachable: boolean; integrity: boolean }
  | { kind: 'skipped'; resource: SyncResource; reason: string }
  | { kind: 'cache-recovered'; movedTo: string; reason: string }
  /** The cache was encrypted or decrypted to its profile's setting: readers of the old file must reopen. */
  | { kind: 'cache-converted'; to: 'encrypted' | 'decrypted' }
  /** Work on the cache before syncing: a long migration, the chain check after an unclean shutdown. */
  | { kind: 'cache-work'; progress: number | null; detail: string | null }
  | { kind: 'cache-repaired'; summary: string };

const positive = z.number().int().positive();

/** The sync engine's thread: it owns a profile's cache database for writing. */
export const syncWorkerProtocol = workerProtocol({
  worker: 'sync',
  data: z.object({
    dbPath: z.string(),
    connection: profileConnection,
    schedule: z
      .object({ auditMs: positive, queuesMs: positive, failedJobsMs: positive, directoryMs: positive, billingMs: positive, statusMs: positive, pruneMs: positive, auditWindowDays: positive })
      .partial()
      .optional(),
    /** The audit feed worker's entry, beside this worker's. */
    feedWorker: z.string().optional(),
    /** The cache's key and whether it is to be encrypted; absent: a plain cache. */
    cacheCipher: cacheCipher.optional(),
  }),
  methods: {
    /** Syncs on schedule until cancelled, reporting as it goes; resolves once the cache is closed. */
    run: method<null, FromSyncWorker>()(z.object({})),
    /** Runs every task that is not stopped at once. */
    syncNow: method<null>()(z.object({})),
  },
});

export type SyncWorkerData = z.input<(typeof syncWorkerProtocol)['data']>;
