import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers, SyncStatus } from '../../../shared/console-api/index.ts';
import { describeQueueAction } from '../../../shared/queues/describe-action.ts';
import { loggedAction } from '../action-log/action-log.ts';
import type { ActionLog } from '../action-log/action-log.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { createProfilePermissions } from '../profiles/profile-permissions.ts';
import type { ActiveProfile, ProfilePermissions } from '../profiles/profile-permissions.ts';
import { openQueueSource } from './open-queue-source.ts';
import type { QueueSource } from './queue-source.ts';

type ActionHandlers = Pick<ConsoleHandlers, 'queues/capabilities' | 'queues/act' | 'queues/action-log' | 'queues/jobs'>;

export interface QueueActionsOptions {
  /** The active profile: its id, name and environment tag; null without one. */
  activeProfile(): ActiveProfile | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  syncStatus(): SyncStatus;
  /** Refreshes the queues and failed jobs, so the view shows what the action changed. */
  syncNow(): void;
  log: ActionLog;
  clock: Clock;
  /** Shared with the other views' actions, so the platform is asked what the token may do once. */
  permissions?: ProfilePermissions;
}

/**
 * What goes to the active profile's source live rather than to the cache: actions (offered with
 * queues:write on a platform, or on a BullMQ profile not marked read-only; confirmed by the
 * user, logged) and pages of jobs in states the cache does not keep.
 */
export function createQueueActions({ activeProfile, connectionFor, syncStatus, syncNow, log, clock, permissions = createProfilePermissions({ activeProfile, connectionFor, syncStatus }) }: QueueActionsOptions): { handlers: ActionHandlers; close(): Promise<void> } {
  let live: { key: string; source: QueueSource } | null = null;

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
    'queues/capabilities': () => permissions.capabilities('queues:write'),
    'queues/jobs': async ({ queue, state, cursor, limit }) => (await activeSource()).source.jobs(queue, state, cursor, limit),
    'queues/act': async (action) => {
      const { profile, connection, source } = await activeSource();
      const principal = await permissions.principalOf(profile.id, connection);
      const refusal = principal.refusal('queues:write');
      if (refusal !== null) throw new Error(`Cannot act on a queue with '${profile.name}': ${refusal}.`);
      const what = describeQueueAction(action);
      const entry = { at: new Date(clock()).toISOString(), who: principal.who, profile: profile.name, environment: profile.environment, what };
      try {
        const outcome = await loggedAction(log, entry, () => source.act(action, randomUUID()), ({ message }) => ({ result: message, ok: true }));
        return { ok: true, ...outcome };
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
