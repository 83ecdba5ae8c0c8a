import type { Clock } from '../../../shared/clock.ts';
import { wantsCacheEncryption } from '../../../shared/console-api/index.ts';
import type { ConsoleHandlers, ProfilesState, ResourceSync, SyncResource, SyncStatus } from '../../../shared/console-api/index.ts';
import { syncResources } from '../../../shared/data-views.ts';
import type { CacheCipher } from '../cache/cache-cipher.ts';
import { cacheDbPath } from '../cache/cache-paths.ts';
import { needsConversion } from '../cache/open-cache-file.ts';
import { errorReason } from '../error-reason.ts';
import type { EventBus } from '../event-bus.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { startWorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerClient } from '../workers/rpc/worker-client.ts';
import type { WorkerPaths } from '../workers/start-worker.ts';
import type { SyncSchedule } from './sync-schedule.ts';
import { syncWorkerProtocol } from './sync-messages.ts';
import type { FromSyncWorker, SyncWorkerData } from './sync-messages.ts';

export interface SyncControllerOptions {
  dataDir: string;
  events: EventBus;
  workers: WorkerPaths;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  schedule?: Partial<SyncSchedule>;
  clock: Clock;
  /** The log: a sync that starts or stops failing, a recovered cache, a stopped engine. */
  warn?: (message: string) => void;
  /** The profile's cache key and whether to encrypt it; absent: caches are plain. */
  cacheCipherFor?(profileId: string): Promise<CacheCipher>;
  /**
   * The worker is about to encrypt or decrypt the cache, which needs it to be the only
   * connection: other connections close, and open again once `opened` settles.
   */
  whileConverting?(profileId: string, opened: Promise<void>): Promise<void>;
}

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/**
 * Runs one sync worker for the active profile and turns what it reports into the status the
 * header shows: online, offline with the age of the cached data, degraded, or an integrity stop.
 */
export function createSyncController({ dataDir, events, workers, connectionFor, schedule, clock, warn = console.warn, cacheCipherFor, whileConverting }: SyncControllerOptions) {
  let worker: { client: WorkerClient<(typeof syncWorkerProtocol)['methods']>; stop: AbortController; running: Promise<void> } | null = null;
  let status: SyncStatus = idle(null);

  function idle(profileId: string | null): SyncStatus {
    return {
      profileId,
      connection: profileId === null ? 'idle' : 'connecting',
      reason: null,
      lastSyncedAt: null,
      integrityError: null,
      resources: syncResources.map((resource) => ({ resource, progress: null, lastSuccessAt: null, lastError: null, detail: null })),
    };
  }

  function update(change: (current: SyncStatus) => SyncStatus) {
    status = change(status);
    events.emit('sync/changed', status);
  }

  function patchResource(resource: SyncResource, patch: Partial<ResourceSync>) {
    return (current: SyncStatus): SyncStatus => ({
      ...current,
      resources: current.resources.map((entry) => (entry.resource === resource ? { ...entry, ...patch } : entry)),
    });
  }

  function onMessage(profileId: string, message: FromSyncWorker) {
    switch (message.kind) {
      case 'cached': {
        const newest = Math.max(0, ...message.resources.map((entry) => entry.lastSuccessAt ?? 0));
        update((current) =>
          message.resources.reduce(
            (next, entry) => patchResource(entry.resource, { lastSuccessAt: iso(entry.lastSuccessAt), lastError: entry.lastError })(next),
            { ...current, lastSyncedAt: newest > 0 ? iso(newest) : null },
          ),
        );
        return;
      }
      case 'progress':
        // A page arrived and was written: the cache is as fresh as now.
        return update((current) =>
          patchResource(message.resource, { progress: message.progress, detail: message.detail })({
            ...current,
            connection: current.connection === 'connecting' || current.connection === 'offline' ? 'online' : current.connection,
            lastSyncedAt: iso(clock()),
          }),
        );
      case 'success':
        if (message.changed) events.emit('cache/changed', { profileId, resource: message.resource });
        return update((current) =>
          patchResource(message.resource, { progress: null, lastSuccessAt: iso(message.at), lastError: null })({
            ...current,
            connection: current.resources.some((entry) => entry.resource !== message.resource && entry.lastError !== null) ? 'degraded' : 'online',
            reason: null,
            lastSyncedAt: iso(message.at),
          }),
        );
      case 'failure':
        // Once per new reason, not on every retry while offline.
        if (status.resources.find((entry) => entry.resource === message.resource)?.lastError !== message.message) {
          warn(`Sync of ${message.resource} for profile '${profileId}' failed: ${message.message}`);
        }
        return update((current) =>
          patchResource(message.resource, { progress: null, lastError: message.message })({
            ...current,
            connection: message.unreachable ? 'offline' : 'degraded',
            reason: message.message,
            integrityError: message.integrity ? message.message : current.integrityError,
          }),
        );
      case 'skipped':
        return update(patchResource(message.resource, { detail: `Not synced: ${message.reason}.` }));
      case 'cache-work':
        // The audit events are what a migration copies and the check reads: their entry shows it.
        return update(patchResource('audit', { progress: message.progress, detail: message.detail }));
      case 'cache-repaired':
        warn(message.summary);
        return;
      case 'cache-converted':
        warn(`The cache of profile '${profileId}' is now ${message.to}.`);
        return;
      case 'cache-recovered':
        warn(`The cache of profile '${profileId}' was unreadable (${message.reason}); moved it to ${message.movedTo} and resyncing.`);
        return;
    }
  }

  async function stopWorker() {
    const current = worker;
    worker = null;
    if (current === null) return;
    current.stop.abort();
    // The run closes the cache when it ends; a worker stuck in a long statement is ended anyway.
    await Promise.race([current.running, new Promise((done) => setTimeout(done, 5_000))]);
    await current.client.close();
  }

  async function switchTo(profileId: string | null) {
    await stopWorker();
    update(() => idle(profileId));
    if (profileId === null) return;
    let connection: ProfileConnection;
    let cacheCipher: CacheCipher | undefined;
    try {
      connection = await connectionFor(profileId);
      cacheCipher = await cacheCipherFor?.(profileId);
    } catch (error) {
      return update((current) => ({ ...current, connection: 'degraded', reason: errorReason(error) }));
    }
    const data: SyncWorkerData = { dbPath: cacheDbPath(dataDir, profileId), connection, schedule, feedWorker: workers('sync-feed'), cacheCipher };
    let opened = () => {};
    const cacheOpened = new Promise<void>((resolve) => (opened = resolve));
    if (cacheCipher !== undefined && needsConversion(data.dbPath, cacheCipher)) await whileConverting?.(profileId, cacheOpened);
    const client = startWorkerClient(syncWorkerProtocol, workers, data);
    const stop = new AbortController();
    const onProgress = (message: FromSyncWorker) => {
      if (message.kind === 'cached') opened();
      if (worker?.client === client) onMessage(profileId, message);
    };
    const running = client.call('run', {}, { signal: stop.signal, onProgress }).finally(opened).then(
      () => {},
      (error: unknown) => {
        if (worker?.client !== client || stop.signal.aborted) return;
        warn(`The sync engine of profile '${profileId}' stopped: ${errorReason(error)}`);
        update((current) => ({ ...current, connection: 'degraded', reason: `The sync engine stopped: ${errorReason(error)}` }));
      },
    );
    worker = { client, stop, running };
  }

  let activeId: string | null | undefined;
  let activeEncrypts: boolean | undefined;
  const unsubscribe = events.subscribe((event, payload) => {
    if (event !== 'profiles/changed') return;
    const { activeId: next, profiles } = payload as ProfilesState;
    const active = profiles.find((profile) => profile.id === next);
    const encrypts = active !== undefined && wantsCacheEncryption(active);
    // Also retry when the last attempt found no usable connection (e.g. the demo was starting);
    // and restart when the cache is to be encrypted or decrypted, which the worker does as it opens it.
    const sameCipher = activeEncrypts === undefined || encrypts === activeEncrypts; // unknown until the first event after start
    activeEncrypts = encrypts;
    if (next === activeId && sameCipher && (worker !== null || next === null)) return;
    activeId = next;
    void switchTo(next);
  });

  const syncNow = () => void worker?.client.call('syncNow', {}).catch(() => {});
  const handlers: Pick<ConsoleHandlers, 'sync/status' | 'sync/now'> = {
    'sync/status': async () => status,
    'sync/now': async () => {
      syncNow();
      return status;
    },
  };

  return {
    handlers,
    status: () => status,
    syncNow,
    /** The first profile to sync, before any change event. */
    start: (profileId: string | null) => {
      activeId = profileId;
      void switchTo(profileId);
    },
    close: async () => {
      unsubscribe();
      await stopWorker();
    },
  };
}
