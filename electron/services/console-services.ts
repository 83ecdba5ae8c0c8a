import { platform, release } from 'node:os';
import type { ConsoleHandlers, HostKind } from '../../shared/console-api/index.ts';
import { openCredentialStore } from './credentials/credential-store.ts';
import { startDemoPlatform } from './demo/demo-platform-host.ts';
import type { DemoPlatformSize } from './demo/demo-platform-host.ts';
import { createAuditHandlers } from './audit-search/audit-handlers.ts';
import { createEventBus } from './event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { openProfileStore } from './profiles/profile-store.ts';
import { createProfilesService } from './profiles/profiles-service.ts';
import { createSavedSearches } from './saved-searches.ts';
import { openSettingsStore } from './settings-store.ts';
import { createSyncController } from './sync/sync-controller.ts';
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
}

export interface ConsoleServices {
  handlers: ConsoleHandlers;
  events: EventBus;
  close(): Promise<void>;
}

export const defaultDemoSize: DemoPlatformSize = { events: 250_000, tenants: 120 };

/** Everything behind the console API, host-agnostic: both hosts serve exactly this. */
export function createConsoleServices(options: ConsoleServicesOptions): ConsoleServices {
  const { dataDir, host, version, demo: demoSize = defaultDemoSize, workers = sourceWorkerPaths } = options;
  const events = createEventBus();
  const settings = openSettingsStore({ dataDir });
  const demo = demoSize === null ? null : startDemoPlatform(dataDir, demoSize, workers);
  const store = openProfileStore(dataDir);
  const profiles = createProfilesService({ dataDir, store, credentials: openCredentialStore(), events, demo });
  const sync = createSyncController({ dataDir, events, workers, connectionFor: profiles.connectionFor });
  sync.start(store.activeId());
  const audit = createAuditHandlers({ dataDir, events, initialProfileId: store.activeId() });
  const searches = createSavedSearches({ dataDir, events, activeProfileId: () => store.activeId() });

  const handlers: ConsoleHandlers = {
    'app/info': async () => ({ name: 'Opsdeck', version, host, dataDir, os: `${platform()} ${release()}` }),
    'settings/get': async () => settings.get(),
    'settings/update': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings/changed', next);
      return next;
    },
    ...profiles.handlers,
    ...sync.handlers,
    ...audit.handlers,
    ...searches.handlers,
  };

  return {
    handlers,
    events,
    close: async () => {
      audit.close();
      await sync.close();
      await demo?.stop();
    },
  };
}
