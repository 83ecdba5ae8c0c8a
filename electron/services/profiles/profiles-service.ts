import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfileOptions, defaultSupportAccessSettings, demoProfileId, profile as profileSchema } from '../../../shared/console-api/index.ts';
import { systemClock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, DemoStatusView, Profile, ProfileTestInput, ProfileTestResult, ProfileView, ProfilesState } from '../../../shared/console-api/index.ts';
import { cacheDbPath } from '../cache/cache-paths.ts';
import { cacheFileState } from '../cache/open-cache-file.ts';
import type { CacheKeyStore } from '../credentials/cache-key-store.ts';
import type { CredentialStore } from '../credentials/credential-store.ts';
import type { DemoPlatformHost } from '../demo/demo-platform-host.ts';
import type { EventBus } from '../event-bus.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import { openQueueSource } from '../queues/open-queue-source.ts';
import { connectionOf } from './profile-connection.ts';
import type { ProfileConnection } from './profile-connection.ts';
import { uniqueProfileId } from './profile-id.ts';
import type { ProfileStore } from './profile-store.ts';

type ProfilesHandlers = Pick<ConsoleHandlers, 'profiles/list' | 'profiles/save' | 'profiles/remove' | 'profiles/activate' | 'profiles/test'>;

export interface ProfilesServiceOptions {
  dataDir: string;
  store: ProfileStore;
  credentials: CredentialStore;
  /** The keychain's cache keys: a removed profile's goes with it. */
  cacheKeys: CacheKeyStore;
  events: EventBus;
  demo: DemoPlatformHost | null;
}

/** Profiles and their tokens behind the console API; the token only ever flows inward. */
export function createProfilesService({ dataDir, store, credentials, cacheKeys, events, demo }: ProfilesServiceOptions) {
  void demo?.ready.then((status) => {
    if (status.status === 'running' && store.activeId() === null) store.activate(demoProfileId);
    return changed();
  });

  async function state(): Promise<ProfilesState> {
    const saved = await Promise.all(
      store.list().map(async (profile): Promise<ProfileView> => ({ ...profile, token: await credentials.storageOf(profile.id), builtIn: false, cacheEncrypted: cacheEncrypted(profile.id) })),
    );
    const demoProfile = demoView();
    return {
      profiles: demoProfile ? [demoProfile, ...saved] : saved,
      activeId: store.activeId(),
      keychain: await credentials.status(),
      demo: demoStatusView(),
    };
  }

  function demoView(): ProfileView | null {
    const status = demo?.current();
    if (status?.status !== 'running') return null;
    return { id: demoProfileId, kind: 'ops-api', name: 'Demo', baseUrl: status.url, environment: 'dev', color: null, options: defaultProfileOptions, supportAccess: defaultSupportAccessSettings, token: 'session', builtIn: true, cacheEncrypted: false };
  }

  function demoStatusView(): DemoStatusView {
    const status = demo?.current();
    if (status === undefined) return { status: 'off', message: null };
    return { status: status.status, message: status.status === 'failed' ? status.message : null };
  }

  async function changed(): Promise<ProfilesState> {
    const next = await state();
    events.emit('profiles/changed', next);
    return next;
  }

  /** Where to connect and with what secret, for a saved profile: its token, or its Redis password if it has one. */
  async function connectionFor(id: string): Promise<ProfileConnection> {
    const demoStatus = demo?.current();
    if (id === demoProfileId && demoStatus !== undefined) {
      if (demoStatus.status === 'running') return { kind: 'ops-api', baseUrl: demoStatus.url, token: demoStatus.token, ...defaultProfileOptions };
      throw new Error(demoStatus.status === 'starting' ? 'The demo platform is still starting.' : demoStatus.message);
    }
    return connectionOf(requireProfile(id), await credentials.get(id));
  }

  function requireProfile(id: string): Profile {
    if (id === demoProfileId) throw new Error('The built-in Demo profile cannot be edited or removed.');
    const profile = store.get(id);
    if (profile === null) throw new Error(`No profile with id '${id}'.`);
    return profile;
  }

  function requireUsable(id: string): void {
    if (id === demoProfileId ? demoView() === null : store.get(id) === null) throw new Error(`No profile with id '${id}' to use.`);
  }

  const handlers: ProfilesHandlers = {
    'profiles/list': state,
    async 'profiles/save'(draft) {
      const id = draft.id ?? uniqueProfileId(draft.name, (candidate) => candidate === demoProfileId || store.get(candidate) !== null);
      if (draft.id !== undefined) requireProfile(draft.id);
      const profile = profileSchema.parse({ ...draft, id });
      if (draft.token !== undefined) await credentials.set(id, draft.token, draft.tokenStorage);
      store.put(profile);
      if (store.activeId() === null) store.activate(id);
      return changed();
    },
    async 'profiles/remove'({ id, deleteCache }) {
      requireProfile(id);
      await credentials.delete(id);
      store.remove(id);
      if (deleteCache) {
        removeCacheFiles(dataDir, id);
        await cacheKeys.delete(id); // a kept cache keeps its key, or it could never be read again
      }
      return changed();
    },
    async 'profiles/activate'({ id }) {
      requireUsable(id);
      store.activate(id);
      return changed();
    },
    async 'profiles/test'(input): Promise<ProfileTestResult> {
      const connection = 'id' in input ? await connectionFor(input.id) : testedConnection(input);
      const started = performance.now();
      try {
        const reached = await reach(connection);
        return { ok: true, reached, latencyMs: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, message: (error as Error).message };
      }
    },
  };

  /** A profile's name and environment tag, as every confirmation and log line names them; null when it is gone. */
  function describe(id: string): { id: string; name: string; environment: string } | null {
    if (id === demoProfileId) return demo === null ? null : { id, name: 'Demo', environment: 'dev' };
    const profile = store.get(id);
    return profile === null ? null : { id, name: profile.name, environment: profile.environment };
  }

  const cacheEncrypted = (id: string) => cacheFileState(cacheDbPath(dataDir, id)) === 'encrypted';

  return { handlers, connectionFor, describe };
}

/** A profile being edited, as a connection to test. */
function testedConnection(input: Exclude<ProfileTestInput, { id: string }>): ProfileConnection {
  if (input.kind === 'ops-api') return { kind: 'ops-api', baseUrl: input.baseUrl, token: input.token, ...input.options };
  return { kind: 'bullmq', url: input.redisUrl, prefix: input.prefix, tls: input.tls, password: input.password, readOnly: true };
}

/** Who the token is on the platform, or which BullMQ queues are under the prefix. */
async function reach(connection: ProfileConnection): Promise<Extract<ProfileTestResult, { ok: true }>['reached']> {
  if (connection.kind === 'ops-api') return { kind: 'ops-api', me: await createOpsApiClient(connection, { limit: 1, maxRetryAfterMs: 5_000 }).call('getMe') };
  const source = openQueueSource(connection, systemClock);
  try {
    return { kind: 'bullmq', queues: (await source.listQueues()).map((queue) => queue.name) };
  } finally {
    await source.close();
  }
}

function removeCacheFiles(dataDir: string, id: string) {
  for (const suffix of ['', '-wal', '-shm', '.converting']) rmSync(join(dataDir, 'cache', `${id}.sqlite${suffix}`), { force: true });
}
