// The sync engine's thread: it owns the profile's cache database for writing, so the main
// process never blocks on network parsing, hashing or SQLite writes.
import { systemClock } from '../../../shared/clock.ts';
import { plainCache } from '../cache/cache-cipher.ts';
import { readSyncState } from '../cache/sync-state.ts';
import { createSyncLoop } from '../sync/sync-loop.ts';
import { openSyncCache } from '../sync/open-sync-cache.ts';
import { syncWorkerProtocol } from '../sync/sync-messages.ts';
import { defaultSchedule } from '../sync/sync-schedule.ts';
import { openSyncSource } from '../sync/sync-source.ts';
import { runAtBackgroundPriority } from './background-priority.ts';
import { serveWorker } from './rpc/serve-worker.ts';

runAtBackgroundPriority();
await serveWorker(syncWorkerProtocol, (data) => {
  let syncNow = () => {};
  return {
    async run(_, { progress, signal }) {
      const { db, recovered, converted, repair, close } = await openSyncCache(data.dbPath, {
        log: (message) => console.warn(message),
        cipher: data.cacheCipher ?? plainCache(data.dbPath),
        onWork: (work) => progress({ kind: 'cache-work', ...(work ?? { progress: null, detail: null }) }),
      });
      if (recovered) progress({ kind: 'cache-recovered', ...recovered });
      if (converted) progress({ kind: 'cache-converted', to: converted });
      if (repair) progress({ kind: 'cache-repaired', summary: repair.summary });
      progress({ kind: 'cached', resources: readSyncState(db) });
      const source = openSyncSource(data.connection, systemClock);
      const loop = createSyncLoop({
        db,
        source,
        post: progress,
        signal,
        schedule: { ...defaultSchedule, ...data.schedule },
        clock: systemClock,
        ...(data.feedWorker === undefined ? {} : { feedWorker: data.feedWorker }),
      });
      syncNow = loop.syncNow;
      try {
        await loop.run();
      } finally {
        close();
        if (source.kind === 'bullmq') await source.queues.close();
      }
      return null;
    },
    syncNow() {
      syncNow();
      return null;
    },
  };
});
