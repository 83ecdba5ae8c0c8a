import { hostname, userInfo } from 'node:os';
import type { QueueCapabilities, SyncStatus } from '../../../shared/console-api/index.ts';
import type { Scope } from '../../../shared/ops-api/index.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from './profile-connection.ts';

export interface ActiveProfile {
  id: string;
  name: string;
  environment: string;
}

/** Who acts through a profile, and what they may do. */
export interface Principal {
  who: string;
  /** Why the profile may not act with `scope`, or null when it may. */
  refusal(scope: Scope): string | null;
}

export interface ProfilePermissionsOptions {
  /** The active profile; null without one. */
  activeProfile(): ActiveProfile | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  syncStatus(): SyncStatus;
}

export type ProfilePermissions = ReturnType<typeof createProfilePermissions>;

/**
 * What the active profile may do live on its source, for every view's actions: asked of the
 * platform once per profile and connection (GET /v1/me), or a BullMQ profile's own setting.
 */
export function createProfilePermissions({ activeProfile, connectionFor, syncStatus }: ProfilePermissionsOptions) {
  const principals = new Map<string, Promise<Principal>>();
  const principalKey = (profileId: string, connection: ProfileConnection) => `${profileId} ${connection.kind === 'ops-api' ? connection.baseUrl : connection.url}`;

  function principalOf(profileId: string, connection: ProfileConnection): Promise<Principal> {
    if (connection.kind === 'bullmq') {
      const readOnly = connection.readOnly;
      const refusal = (scope: Scope) => (scope !== 'queues:write' ? 'a BullMQ (Redis) profile has queues only' : readOnly ? 'the profile is marked read-only' : null);
      return Promise.resolve({ who: `${userInfo().username}@${hostname()}`, refusal });
    }
    const cacheKey = principalKey(profileId, connection);
    let known = principals.get(cacheKey);
    if (known === undefined) {
      // One quick try: the actions wait on this answer, and an unreachable platform is what the sync reports.
      known = createOpsApiClient(connection, { limit: 1, maxRetryAfterMs: 5_000 })
        .call('getMe')
        .then((me) => ({ who: `${me.subject.name} <${me.subject.email}>`, refusal: (scope: Scope) => (me.scopes.includes(scope) ? null : `the token lacks the ${scope} scope`) }));
      known.catch(() => principals.delete(cacheKey));
      principals.set(cacheKey, known);
    }
    return known;
  }

  /** Whether actions needing `scope` are offered: absent without the scope, disabled with a reason offline. */
  async function capabilities(scope: Scope): Promise<QueueCapabilities> {
    const profile = activeProfile();
    if (profile === null) return { allowed: false, disabledReason: 'No platform profile is active.', profile: null, environment: null };
    const base = { profile: profile.name, environment: profile.environment };
    const status = syncStatus();
    const offline = status.connection === 'offline' ? `Offline: ${status.reason ?? 'the platform cannot be reached'}.` : null;
    try {
      const connection = await connectionFor(profile.id);
      // Offline, ask only what is known (a request to a platform that is away takes seconds to
      // fail); not knowing the scopes yet, the actions show, disabled with the reason.
      if (offline !== null && connection.kind === 'ops-api' && !principals.has(principalKey(profile.id, connection))) return { ...base, allowed: true, disabledReason: offline };
      const principal = await principalOf(profile.id, connection);
      return { ...base, allowed: principal.refusal(scope) === null, disabledReason: offline };
    } catch (error) {
      // Not knowing the scopes (offline since start) offers nothing rather than something that fails.
      return { ...base, allowed: false, disabledReason: offline ?? `Cannot ask the platform what this token may do: ${(error as Error).message}` };
    }
  }

  return { principalOf, capabilities };
}
