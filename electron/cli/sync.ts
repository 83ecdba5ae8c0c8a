import { plainCache } from '../services/cache/cache-cipher.ts';
import { cacheDbPath } from '../services/cache/cache-paths.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { profileCacheCipher } from './profile-cache-cipher.ts';
import { createSyncLoop } from '../services/sync/sync-loop.ts';
import { openSyncCache } from '../services/sync/open-sync-cache.ts';
import { defaultSchedule } from '../services/sync/sync-schedule.ts';
import { openSyncSource } from '../services/sync/sync-source.ts';
import type { FromSyncWorker } from '../services/sync/sync-messages.ts';
import { systemClock } from '../../shared/clock.ts';
import type { CliCommand } from './command.ts';
import { parseFlags } from './parse-flags.ts';
import { connectionFlagOptions, resolveConnection } from './source-flags.ts';
import { waitForStopSignal } from './wait-for-stop.ts';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Sync a platform into its local cache without the UI (the same engine)',
  usage: 'opsdeck sync (--profile NAME | --base-url URL --token-env VAR) [--db PATH] [--data-dir DIR] [--once]',
  async run(argv) {
    const { values } = parseFlags('sync', argv, {
      ...connectionFlagOptions,
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      once: { type: 'boolean', default: false },
    });
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const { connection, profileId, label } = await resolveConnection('sync', values, dataDir);
    const dbPath = values.db ?? cacheDbPath(dataDir, profileId);
    const { db, recovered, repair, close: closeCache } = await openSyncCache(dbPath, {
      cipher: values.db === undefined ? await profileCacheCipher(dataDir, profileId, 'writer') : plainCache(dbPath),
      log: (message) => console.warn(message),
      onWork: (work) => work !== null && console.log(`cache: ${work.detail}${work.progress === null ? '' : ` (${Math.floor(work.progress * 100)}%)`}`),
    });
    if (recovered) console.warn(`The cache was unreadable (${recovered.reason}); moved it to ${recovered.movedTo}.`);
    // A chain that held is news, not a warning: only a repair goes to stderr.
    if (repair) (repair.brokenAt === null ? console.log : console.warn)(repair.summary);
    console.log(`Syncing ${label} into ${dbPath}`);

    const controller = new AbortController();
    const source = openSyncSource(connection, systemClock);
    const close = async () => {
      closeCache();
      if (source.kind === 'bullmq') await source.queues.close();
    };
    const loop = createSyncLoop({ db, source, post: printProgress, signal: controller.signal, schedule: defaultSchedule, clock: systemClock });
    if (values.once) {
      const failures = await loop.runOnce();
      await close();
      if (failures.length > 0) console.error(`sync failed:\n  ${failures.join('\n  ')}`);
      return failures.length > 0 ? 1 : 0;
    }
    const running = loop.run();
    return waitForStopSignal(async () => {
      controller.abort();
      await running;
      await close();
    });
  },
};

function printProgress(message: FromSyncWorker): void {
  if (message.kind === 'progress' && message.detail) console.log(`${message.resource}: ${message.detail}${message.progress === null ? '' : ` (${Math.floor(message.progress * 100)}%)`}`);
  if (message.kind === 'success' && message.changed) console.log(`${message.resource}: up to date`);
  if (message.kind === 'failure') console.error(`${message.resource}: ${message.message}`);
  if (message.kind === 'skipped') console.log(`${message.resource}: skipped, ${message.reason}`);
}
