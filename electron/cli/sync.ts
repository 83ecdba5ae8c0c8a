import { openCredentialStore } from '../services/credentials/credential-store.ts';
import { cacheDbPath } from '../services/cache/cache-paths.ts';
import { openCacheDb } from '../services/cache/open-cache-db.ts';
import { defaultDataDir } from '../services/data-dir.ts';
import { createOpsApiClient } from '../services/ops-api/ops-api-client.ts';
import type { OpsConnection } from '../services/ops-api/ops-api-client.ts';
import { openProfileStore } from '../services/profiles/profile-store.ts';
import { createSyncLoop } from '../services/sync/sync-loop.ts';
import { defaultSchedule } from '../services/sync/sync-schedule.ts';
import type { FromSyncWorker } from '../services/sync/sync-messages.ts';
import { systemClock } from '../../shared/clock.ts';
import { defaultProfileOptions } from '../../shared/console-api/index.ts';
import type { CliCommand } from './command.ts';
import { parseFlags } from './parse-flags.ts';
import { UsageError } from './usage-error.ts';
import { waitForStopSignal } from './wait-for-stop.ts';

export const syncCommand: CliCommand = {
  name: 'sync',
  summary: 'Sync a platform into its local cache without the UI (the same engine)',
  usage: 'opsdeck sync (--profile NAME | --base-url URL --token-env VAR) [--db PATH] [--data-dir DIR] [--once]',
  async run(argv) {
    const { values } = parseFlags('sync', argv, {
      profile: { type: 'string' },
      'base-url': { type: 'string' },
      'token-env': { type: 'string' },
      db: { type: 'string' },
      'data-dir': { type: 'string' },
      once: { type: 'boolean', default: false },
    });
    const dataDir = values['data-dir'] ?? defaultDataDir();
    const { connection, profileId } = await resolveConnection(values, dataDir);
    const dbPath = values.db ?? cacheDbPath(dataDir, profileId);
    const { db, recovered } = openCacheDb(dbPath, { log: (message) => console.warn(message) });
    if (recovered) console.warn(`The cache was unreadable (${recovered.reason}); moved it to ${recovered.movedTo}.`);
    console.log(`Syncing ${connection.baseUrl} into ${dbPath}`);

    const controller = new AbortController();
    const loop = createSyncLoop({ db, client: createOpsApiClient(connection), post: printProgress, signal: controller.signal, schedule: defaultSchedule, clock: systemClock });
    if (values.once) {
      const failures = await loop.runOnce();
      db.close();
      if (failures.length > 0) console.error(`sync failed:\n  ${failures.join('\n  ')}`);
      return failures.length > 0 ? 1 : 0;
    }
    const running = loop.run();
    return waitForStopSignal(async () => {
      controller.abort();
      await running;
      db.close();
    });
  },
};

async function resolveConnection(
  values: { profile?: string; 'base-url'?: string; 'token-env'?: string },
  dataDir: string,
): Promise<{ connection: OpsConnection; profileId: string }> {
  if (values.profile !== undefined) {
    if (values['base-url'] !== undefined) throw new UsageError('sync: give either --profile or --base-url, not both.');
    const profile = openProfileStore(dataDir).list().find((candidate) => candidate.id === values.profile || candidate.name === values.profile);
    if (profile === undefined) throw new UsageError(`sync: no profile named '${values.profile}' in ${dataDir}.`);
    const token = await openCredentialStore().get(profile.id);
    if (token === null) throw new Error(`profile '${profile.name}' has no token in the keychain.`);
    return { connection: { baseUrl: profile.baseUrl, token, ...profile.options }, profileId: profile.id };
  }
  const baseUrl = values['base-url'];
  const tokenEnv = values['token-env'];
  if (baseUrl === undefined || tokenEnv === undefined) throw new UsageError('sync: give --profile NAME, or --base-url URL with --token-env VAR.');
  const token = process.env[tokenEnv];
  if (!token) throw new UsageError(`sync: the environment variable ${tokenEnv} is empty or not set.`);
  const profileId = new URL(baseUrl).host.replace(/[^a-z0-9]+/gi, '-').toLowerCase();
  return { connection: { baseUrl, token, ...defaultProfileOptions }, profileId };
}

function printProgress(message: FromSyncWorker): void {
  if (message.kind === 'progress' && message.detail) console.log(`${message.resource}: ${message.detail}${message.progress === null ? '' : ` (${Math.floor(message.progress * 100)}%)`}`);
  if (message.kind === 'success' && message.changed) console.log(`${message.resource}: up to date`);
  if (message.kind === 'failure') console.error(`${message.resource}: ${message.message}`);
  if (message.kind === 'skipped') console.log(`${message.resource}: skipped, ${message.reason}`);
}
