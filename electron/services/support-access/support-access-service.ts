import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import { supportReasonWire } from '../../../shared/console-api/index.ts';
import type { ConsoleHandlers, EventPayload, SupportAccess, SupportAccessSettings, SupportReason } from '../../../shared/console-api/index.ts';
import { errorReason } from '../error-reason.ts';
import type { EventBus } from '../event-bus.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { sendSupportAccess } from './send-support-access.ts';
import { openSupportAccessQueue } from './support-access-queue.ts';
import type { PendingAccess } from './support-access-queue.ts';

export interface SupportAccessOptions {
  dataDir: string;
  events: EventBus;
  clock: Clock;
  activeProfile(): { id: string; environment: string } | null;
  /** A profile's support-access settings; null for a profile that has no tenants (BullMQ). */
  settingsFor(profileId: string): SupportAccessSettings | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  /** How often queued accesses are tried again besides when the platform comes back. */
  drainEveryMs?: number;
  /** Where a background send that failed says why (a queue file that cannot be written). */
  warn?: (message: string) => void;
}

type SupportAccessHandlers = Pick<ConsoleHandlers, 'supportAccess/get' | 'supportAccess/open'>;

/**
 * Support access to tenants: each look is asked for, then logged on the platform
 * (POST /v1/support-access) or queued, persisted, until the platform is reachable; queued
 * accesses are sent in the order given, each with its one Idempotency-Key, so exactly once.
 * This session's accesses live in memory: a restart asks again.
 */
export function createSupportAccess({ dataDir, events, clock, activeProfile, settingsFor, connectionFor, drainEveryMs = 60_000, warn = console.warn }: SupportAccessOptions) {
  const queue = openSupportAccessQueue(dataDir);
  /** This session's accesses by profile and tenant. */
  const sessions = new Map<string, SupportAccess>();
  const sessionKey = (profileId: string, tenantId: string) => `${profileId}\u0000${tenantId}`;
  let draining: Promise<void> = Promise.resolve();

  function current(profileId: string, tenantId: string): SupportAccess | null {
    const access = sessions.get(sessionKey(profileId, tenantId)) ?? null;
    if (access === null || Date.parse(access.expiresAt) > clock()) return access;
    sessions.delete(sessionKey(profileId, tenantId));
    return null;
  }

  /** A changed access: this session's record (if it is still the current one) and the renderer learn of it. */
  function update(access: SupportAccess) {
    const key = sessionKey(access.profileId, access.tenantId);
    if (sessions.get(key)?.id === access.id) sessions.set(key, access);
    events.emit('supportAccess/changed', access);
  }

  /** Sends every queued access, oldest first; a profile's queue stops at its first unreachable attempt, so order holds. */
  async function sendQueued(): Promise<void> {
    const stalled = new Set<string>();
    for (const entry of queue.list()) {
      if (stalled.has(entry.access.profileId)) continue;
      const result = await sendSupportAccess(() => connectionFor(entry.access.profileId), entry);
      if (result.outcome === 'unreachable') {
        stalled.add(entry.access.profileId);
        continue;
      }
      queue.remove(entry.access.id);
      update(
        result.outcome === 'logged'
          ? { ...entry.access, state: 'logged', eventId: result.eventId, auditQuery: result.auditQuery, error: null }
          : { ...entry.access, state: 'failed', error: result.reason },
      );
    }
  }

  /** One send of the queue at a time; a failed one leaves the next to run, and its caller hears why. */
  function drain(): Promise<void> {
    const run = draining.then(sendQueued);
    draining = run.catch(() => undefined);
    return run;
  }

  function drainInBackground(): void {
    drain().catch((error: unknown) => warn(`Support access: the queued accesses could not be sent: ${errorReason(error)}`));
  }

  function requireProfile() {
    const profile = activeProfile();
    const settings = profile === null ? null : settingsFor(profile.id);
    if (profile === null || settings === null) throw new Error('Cannot open a tenant page: no Ops API profile is active; choose one in Settings.');
    return { profile, settings };
  }

  const handlers: SupportAccessHandlers = {
    async 'supportAccess/get'({ tenantId }) {
      const { profile, settings } = requireProfile();
      return { access: current(profile.id, tenantId), promptRequired: settings.prompt, durationMinutes: settings.durationMinutes };
    },
    async 'supportAccess/open'({ tenantId, tenantName, reason }) {
      const { profile, settings } = requireProfile();
      if (reason === null && settings.prompt) throw new Error('reason: required: this profile asks why before a tenant’s page opens.');
      const now = clock();
      const access: SupportAccess = {
        id: randomUUID(),
        profileId: profile.id,
        tenantId,
        tenantName,
        reason,
        state: 'queued',
        grantedAt: new Date(now).toISOString(),
        expiresAt: new Date(now + settings.durationMinutes * 60_000).toISOString(),
        eventId: null,
        auditQuery: null,
        error: null,
      };
      const entry: PendingAccess = { access, idempotencyKey: `support-access-${access.id}`, request: { tenant_id: tenantId, reason: wireReason(reason, profile.environment) } };
      // Persisted before the first attempt: whatever happens to that attempt, the same key is sent again.
      queue.append(entry);
      const key = sessionKey(profile.id, tenantId);
      sessions.set(key, access);
      await drain();
      const result = sessions.get(key) ?? access;
      if (result.state !== 'failed') return result;
      sessions.delete(key);
      throw new Error(`Support access to ${tenantName} was not logged: ${result.error ?? 'the platform refused it'}`);
    },
  };

  // The sync says when the platform is reachable again: send what waited for it.
  let wasOnline = false;
  const unsubscribe = events.subscribe((event, payload) => {
    if (event !== 'sync/changed') return;
    const online = (payload as EventPayload<'sync/changed'>).connection === 'online';
    if (online && !wasOnline) drainInBackground();
    wasOnline = online;
  });
  const timer = setInterval(drainInBackground, drainEveryMs);
  timer.unref();
  drainInBackground();

  return {
    handlers,
    async close() {
      clearInterval(timer);
      unsubscribe();
      await draining;
    },
  };
}

/** The reason as the platform records it; with the prompt off, that it was off. */
function wireReason(reason: SupportReason | null, environment: string): string {
  return reason === null ? `Prompt off for this ${environment} profile` : supportReasonWire(reason);
}
