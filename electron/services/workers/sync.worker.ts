// The sync engine's thread: it owns the profile's cache database for writing, so the main
// process never blocks on network parsing, hashing or SQLite writes.
import { parentPort, workerData } from 'node:worker_threads';
import { systemClock } from '../../../shared/clock.ts';
import { openCacheDb } from '../cache/open-cache-db.ts';
import { readSyncState } from '../cache/sync-state.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { createSyncLoop } from '../sync/sync-loop.ts';
import { defaultSchedule } from '../sync/sync-schedule.ts';
import type { FromSyncWorker, SyncWorkerData, ToSyncWorker } from '../sync/sync-messages.ts';
import { runAtBackgroundPriority } from './background-priority.ts';

runAtBackgroundPriority();
const data = workerData as SyncWorkerData;
const post = (message: FromSyncWorker) => parentPort!.postMessage(message);
const controller = new AbortController();

const { db, recovered } = openCacheDb(data.dbPath, { log: (message) => console.warn(message) });
if (recovered) post({ kind: 'cache-recovered', ...recovered });
post({ kind: 'cached', resources: readSyncState(db) });

const loop = createSyncLoop({
  db,
  client: createOpsApiClient(data.connection),
  post,
  signal: controller.signal,
  schedule: { ...defaultSchedule, ...data.schedule },
  clock: systemClock,
  ...(data.feedWorker === undefined ? {} : { feedWorker: data.feedWorker }),
});

parentPort!.on('message', (message: ToSyncWorker) => {
  if (message.kind === 'sync-now') loop.syncNow();
  if (message.kind === 'stop') controller.abort();
});

await loop.run();
db.close();
post({ kind: 'stopped' });
