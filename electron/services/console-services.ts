import { platform, release } from 'node:os';
import { join } from 'node:path';
import { systemClock } from '../../shared/clock.ts';
import type { Clock } from '../../shared/clock.ts';
import { defaultSupportAccessSettings, demoProfileId } from '../../shared/console-api/index.ts';
import type { ConsoleHandlers, EventPayload, HostKind, SourceId } from '../../shared/console-api/index.ts';
import { createProfileCacheCiphers } from './cache/profile-cache-ciphers.ts';
import { openCacheKeyStore } from './credentials/cache-key-store.ts';
import { openCredentialStore } from './credentials/credential-store.ts';
import { rememberingSecrets } from './credentials/remembering-secrets.ts';
import { createDiagnostics } from './diagnostics/diagnostics.ts';
import { openLogger } from './logging/logger.ts';
import type { Logger } from './logging/logger.ts';
import { startDemoPlatform } from './demo/demo-platform-host.ts';
import type { DemoPlatformSize } from './demo/demo-platform-host.ts';
import { createAuditHandlers } from './audit-search/audit-handlers.ts';
import { createPlatformSearch } from './audit-search/platform-search.ts';
import { openActionLog } from './action-log/action-log.ts';
import { createQueueActions } from './queues/queue-actions.ts';
import { createQueueAlerts } from './queues/queue-alerts.ts';
import { createQueueHandlers } from './queues/queue-handlers.ts';
import { createHomeHandlers } from './home/home-handlers.ts';
import { createTenantsHandlers } from './tenants/tenants-handlers.ts';
import { createBillingHandlers } from './billing/billing-handlers.ts';
import { createConnectorsHandlers } from './connectors/connectors-handlers.ts';
import { createPaletteHandlers } from './palette/palette-handlers.ts';
import { createConnectionTests } from './connectors/connection-tests.ts';
import { createProfilePermissions } from './profiles/profile-permissions.ts';
import { profileSourceId } from './audit-sources/source-path.ts';
import { createSourceReaders } from './reader/source-readers.ts';
import { createSourcesService } from './audit-sources/sources-service.ts';
import { mergeByView } from './data-views/merge-by-view.ts';
import type { DataViewId } from '../../shared/data-views.ts';
import { createEventBus } from './event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { createFileRegistry } from './files/file-registry.ts';
import type { FileRegistry } from './files/file-registry.ts';
import { createJobs } from './jobs/jobs.ts';
import { createWorkInProgress } from './jobs/work-in-progress.ts';
import { openProfileStore } from './profiles/profile-store.ts';
import { createProfilesService } from './profiles/profiles-service.ts';
import { createSavedSearches } from './saved-searches.ts';
import { openSettingsStore } from './settings-store.ts';
import { createSyncController } from './sync/sync-controller.ts';
import { createSupportAccess } from './support-access/support-access-service.ts';
import { sourceWorkerPaths } from './workers/start-worker.ts';
import type { WorkerPaths } from './workers/start-worker.ts';

export interface ConsoleServicesOptions {
  dataDir: string;
  host: HostKind;
  version: string;
  /** The built-in Demo profile's platform size; null runs no demo platform. */
  demo?: DemoPlatformSize | null;
  /** Where worker entry files are (bundled in Electron, TypeScript sources elsewhere). */
  workers?: WorkerPaths;
  /** The main side's time; worker threads read the system clock. */
  clock?: Clock;
}

export interface ConsoleServices {
  handlers: ConsoleHandlers;
  events: EventBus;
  /** Files handed over by token: uploads to the web host, Electron's picked files, export downloads. */
  files: FileRegistry;
  /** What runs now that quitting would cut short (imports, exports, verifications, queue actions), by label. */
  busy(): string[];
  /** The data dir's rotating log, secrets redacted: hosts log what they catch here too. */
  log: Logger;
  close(): Promise<void>;
}

export const defaultDemoSize: DemoPlatformSize = { events: 250_000, tenants: 120 };

/** Everything behind the console API, host-agnostic: both hosts serve exactly this. */
export function createConsoleServices(options: ConsoleServicesOptions): ConsoleServices {
  const { dataDir, host, version, demo: demoSize = defaultDemoSize, workers = sourceWorkerPaths, clock = systemClock } = options;
  const log = openLogger({ dir: join(dataDir, 'logs'), clock });
  log.info(`Opsdeck ${version} started (${host} host, ${platform()} ${release()})`);
  const events = createEventBus();
  const settings = openSettingsStore({ dataDir, warn: log.warn });
  const demo = demoSize === null ? null : startDemoPlatform(dataDir, demoSize, workers);
  const store = openProfileStore(dataDir);
  const credentials = openCredentialStore();
  const cacheKeys = openCacheKeyStore(credentials.status);
  const cacheCiphers = createProfileCacheCiphers({ dataDir, keys: cacheKeys, settingsOf: (id) => store.get(id) });
  const profiles = createProfilesService({ dataDir, store, credentials: rememberingSecrets(credentials, log.rememberSecret), cacheKeys, events, demo });
  const sync = createSyncController({
    dataDir,
    events,
    workers,
    connectionFor: profiles.connectionFor,
    clock,
    warn: log.warn,
    cacheCipherFor: cacheCiphers.writer,
    whileConverting: (profileId, opened) => readers.hold(profileSourceId(profileId), opened),
  });
  sync.start(store.activeId());
  const files = createFileRegistry(dataDir);
  const jobs = createJobs(events);
  const work = createWorkInProgress(jobs.running);
  const sourceCipher = async (id: SourceId) => (id.startsWith('profile:') ? cacheCiphers.reader(id.slice('profile:'.length)) : undefined);
  const readers = createSourceReaders(dataDir, workers, sourceCipher);
  const defaultSource = (): SourceId | null => {
    const active = store.activeId();
    return active === null ? null : profileSourceId(active);
  };
  const sources = createSourcesService({
    dataDir,
    events,
    jobs,
    files,
    readers,
    workers,
    defaultSource,
    cipherOf: sourceCipher,
    profiles: () => [...(demo === null ? [] : [{ id: demoProfileId, name: 'Demo' }]), ...store.list().filter((profile) => profile.kind === 'ops-api')],
  });
  let listRefresh: ReturnType<typeof setTimeout> | null = null;
  const unsubscribe = events.subscribe((event, payload) => {
    if (event === 'profiles/changed') {
      // A removed profile's cache file may be gone: drop profile connections, reopen on use.
      void readers.close((id) => id.startsWith('profile:'));
      sources.changed();
    }
    // The sources list shows each cache's event count: refresh it as the sync adds events.
    if (event === 'cache/changed' && (payload as EventPayload<'cache/changed'>).resource === 'audit' && listRefresh === null) {
      listRefresh = setTimeout(() => {
        listRefresh = null;
        sources.changed();
      }, 1_000);
    }
  });
  const actionLog = openActionLog(dataDir);
  const queueAlerts = createQueueAlerts({ events, readers, activeProfileId: () => store.activeId(), activeCache: defaultSource, alertSettings: () => settings.get().queueAlerts, clock, warn: log.warn });
  const activeProfile = () => {
    const active = store.activeId();
    return active === null ? null : profiles.describe(active);
  };
  const permissions = createProfilePermissions({ activeProfile, connectionFor: profiles.connectionFor, syncStatus: sync.status });
  const queueActions = createQueueActions({
    activeProfile,
    connectionFor: profiles.connectionFor,
    syncStatus: sync.status,
    permissions,
    syncNow: sync.syncNow,
    log: actionLog,
    clock,
  });
  const searches = createSavedSearches({ dataDir, events, activeProfileId: () => store.activeId() });
  const supportAccess = createSupportAccess({
    dataDir,
    events,
    clock,
    activeProfile,
    settingsFor: (id) => {
      if (id === demoProfileId) return defaultSupportAccessSettings;
      const saved = store.get(id);
      return saved?.kind === 'ops-api' ? saved.supportAccess : null;
    },
    connectionFor: profiles.connectionFor,
    warn: log.warn,
  });

  /** Each data view's console handlers; a view not built yet has none. */
  const viewHandlers = {
    home: createHomeHandlers({ readers, activeCache: defaultSource, clock }),
    audit: { ...createAuditHandlers({ readers, defaultSource, alteredSeqs: sources.alteredSeqs }), ...createPlatformSearch({ readers, defaultSource, connectionFor: profiles.connectionFor, clock }) },
    queues: { ...createQueueHandlers({ readers, activeCache: defaultSource, alertSettings: () => settings.get().queueAlerts }), ...queueAlerts.handlers, ...queueActions.handlers },
    tenants: createTenantsHandlers({ readers, activeCache: defaultSource, clock }),
    billing: createBillingHandlers({ readers, activeCache: defaultSource, clock }),
    connectors: { ...createConnectorsHandlers({ readers, activeCache: defaultSource, clock }), ...createConnectionTests({ activeProfile, connectionFor: profiles.connectionFor, permissions, log: actionLog, clock }) },
  } satisfies Record<DataViewId, Partial<ConsoleHandlers>>;

  const handlers: ConsoleHandlers = {
    'app/info': async () => ({ name: 'Opsdeck', version, host, dataDir, os: `${platform()} ${release()}` }),
    'settings/get': async () => settings.get(),
    'settings/update': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings/changed', next);
      return next;
    },
    ...createDiagnostics({ dataDir, host, version, clock, profiles: () => profiles.handlers['profiles/list']({}), syncStatus: sync.status, redact: log.redact }),
    ...profiles.handlers,
    ...sync.handlers,
    ...mergeByView(viewHandlers),
    'queues/act': work.track('a queue action', viewHandlers.queues['queues/act']),
    ...createPaletteHandlers({ readers, activeCache: defaultSource }),
    ...sources.handlers,
    ...jobs.handlers,
    ...searches.handlers,
    ...supportAccess.handlers,
  };

  return {
    handlers,
    events,
    files,
    log,
    busy: work.labels,
    close: async () => {
      unsubscribe();
      queueAlerts.close();
      await queueAlerts.settled();
      if (listRefresh !== null) clearTimeout(listRefresh);
      jobs.cancelAll();
      await readers.close();
      files.close();
      await queueActions.close();
      await supportAccess.close();
      actionLog.close();
      await sync.close();
      await demo?.stop();
      log.info('Opsdeck stopped');
      log.close();
    },
  };
}
