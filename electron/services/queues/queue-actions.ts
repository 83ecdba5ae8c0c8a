import { randomUUID } from 'node:crypto';
import { hostname, userInfo } from 'node:os';
import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, QueueCapabilities, SyncStatus } from '../../../shared/console-api/index.ts';
import { describeQueueAction } from '../../../shared/queues/describe-action.ts';
import type { ActionLog } from '../action-log/action-log.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { openQueueSource } from './open-queue-source.ts';
import type { QueueSource } from './queue-source.ts';

type ActionHandlers = Pick<ConsoleHandlers, 'queues/capabilities' | 'queues/act' | 'queues/action-log' | 'queues/jobs'>;

export interface QueueActionsOptions {
  /** The active profile: its id, name and environment tag; null without one. */
  activeProfile(): { id: string; name: string; environment: string } | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  syncStatus(): SyncStatus;
  /** Refreshes the queues and failed jobs, so the view shows what the action changed. */
  syncNow(): void;
  log: ActionLog;
  clock: Clock;
}

interface Principal {
  who: string;
  mayAct: boolean;
  /** Why not, when it may not. */
  refusal: string | null;
}

/**
 * What goes to the active profile's source live rather than to the cache: actions (offered with
 * queues:write on a platform, or on a BullMQ profile not marked read-only; confirmed by the
 * user, logged) and pages of jobs in states the cache does not keep.
 */
export function createQueueActions({ activeProfile, connectionFor, syncStatus, syncNow, log, clock }: QueueActionsOptions): { handlers: ActionHandlers; close(): Promise<void> } {
  const principals = new Map<string, Promise<Principal>>();
  let live: { key: string; source: QueueSource } | null = null;

  /** Who acts and whether they may: asked of the platform once per profile and connection; a BullMQ profile's own setting. */
  const principalKey = (profileId: string, connection: ProfileConnection) => `${profileId} ${connection.kind === 'ops-api' ? connection.baseUrl : connection.url}`;
  function principalOf(profileId: string, connection: ProfileConnection): Promise<Principal> {
    if (connection.kind === 'bullmq') {
      const refusal = connection.readOnly ? 'the profile is marked read-only' : null;
      return Promise.resolve({ who: `${userInfo().username}@${hostname()}`, mayAct: refusal === null, refusal });
    }
    const cacheKey = principalKey(profileId, connection);
    let known = principals.get(cacheKey);
    if (known === undefined) {
      // One quick try: the actions wait on this answer, and an unreachable platform is what the sync reports.
      known = createOpsApiClient(connection, { limit: 1, maxRetryAfterMs: 5_000 })
        .call('getMe')
        .then((me) => {
          const mayAct = me.scopes.includes('queues:write');
          return { who: `${me.subject.name} <${me.subject.email}>`, mayAct, refusal: mayAct ? null : 'the token lacks the queues:write scope' };
        });
      known.catch(() => principals.delete(cacheKey));
      principals.set(cacheKey, known);
    }
    return known;
  }

  async function capabilities(): Promise<QueueCapabilities> {
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
      return { ...base, allowed: principal.mayAct, disabledReason: offline };
    } catch (error) {
      // Not knowing the scopes (offline since start) offers nothing rather than something that fails.
      return { ...base, allowed: false, disabledReason: offline ?? `Cannot ask the platform what this token may do: ${(error as Error).message}` };
    }
  }

  /** The active profile's queues, on one connection kept while the profile and its connection stay the same. */
  async function activeSource() {
    const profile = activeProfile();
    if (profile === null) throw new Error('No platform profile is active.');
    const connection = await connectionFor(profile.id);
    const key = JSON.stringify([profile.id, connection]);
    if (live?.key !== key) {
      void live?.source.close();
      live = { key, source: openQueueSource(connection, clock) };
    }
    return { profile, connection, source: live.source };
  }

  const handlers: ActionHandlers = {
    'queues/capabilities': capabilities,
    'queues/jobs': async ({ queue, state, cursor, limit }) => (await activeSource()).source.jobs(queue, state, cursor, limit),
    'queues/act': async (action) => {
      const { profile, connection, source } = await activeSource();
      const principal = await principalOf(profile.id, connection);
      if (!principal.mayAct) throw new Error(`Cannot act on a queue with '${profile.name}': ${principal.refusal}.`);
      const what = describeQueueAction(action);
      const entry = { at: new Date(clock()).toISOString(), who: principal.who, profile: profile.name, environment: profile.environment, what };
      try {
        const outcome = await source.act(action, randomUUID());
        log.record({ ...entry, result: outcome.message, ok: true });
        return { ok: true, ...outcome };
      } catch (error) {
        const reason = (error as Error).message;
        log.record({ ...entry, result: `Failed: ${reason}`, ok: false });
        throw new Error(`${what} failed: ${reason}`, { cause: error });
      } finally {
        syncNow();
      }
    },
    'queues/action-log': async ({ limit }) => ({ entries: log.newest(limit) }),
  };
  return {
    handlers,
    close: async () => {
      await live?.source.close();
      live = null;
    },
  };
}
