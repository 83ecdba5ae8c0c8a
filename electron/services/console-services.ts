import { platform, release } from 'node:os';
import type { ConsoleHandlers, HostKind } from '../../shared/console-api/index.ts';
import { createEventBus } from './event-bus.ts';
import type { EventBus } from './event-bus.ts';
import { openCredentialStore } from './credentials/credential-store.ts';
import { openProfileStore } from './profiles/profile-store.ts';
import { createProfilesService } from './profiles/profiles-service.ts';
import { openSettingsStore } from './settings-store.ts';

export interface ConsoleServicesOptions {
  dataDir: string;
  host: HostKind;
  version: string;
}

export interface ConsoleServices {
  handlers: ConsoleHandlers;
  events: EventBus;
}

/** Everything behind the console API, host-agnostic: both hosts serve exactly this. */
export function createConsoleServices({ dataDir, host, version }: ConsoleServicesOptions): ConsoleServices {
  const events = createEventBus();
  const settings = openSettingsStore({ dataDir });
  const profiles = createProfilesService({ dataDir, store: openProfileStore(dataDir), credentials: openCredentialStore(), events });

  const handlers: ConsoleHandlers = {
    'app/info': async () => ({ name: 'Opsdeck', version, host, dataDir, os: `${platform()} ${release()}` }),
    'settings/get': async () => settings.get(),
    'settings/update': async (patch) => {
      const next = settings.update(patch);
      events.emit('settings/changed', next);
      return next;
    },
    ...profiles.handlers,
  };

  return { handlers, events };
}
