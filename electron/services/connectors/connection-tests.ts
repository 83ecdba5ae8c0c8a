import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers } from '../../../shared/console-api/index.ts';
import { loggedAction } from '../action-log/action-log.ts';
import type { ActionLog } from '../action-log/action-log.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import type { ActiveProfile, ProfilePermissions } from '../profiles/profile-permissions.ts';

type TestHandlers = Pick<ConsoleHandlers, 'connectors/capabilities' | 'connectors/test'>;

export interface ConnectionTestsOptions {
  activeProfile(): ActiveProfile | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  permissions: ProfilePermissions;
  /** Where each test is recorded, beside the queue actions. */
  log: ActionLog;
  clock: Clock;
}

/** "Test connection": live on the active profile's platform, offered with connectors:write. */
export function createConnectionTests({ activeProfile, connectionFor, permissions, log, clock }: ConnectionTestsOptions): TestHandlers {
  return {
    'connectors/capabilities': () => permissions.capabilities('connectors:write'),
    'connectors/test': async ({ id }) => {
      const profile = activeProfile();
      if (profile === null) throw new Error(`Cannot test connection ${id}: no platform profile is active.`);
      const connection = await connectionFor(profile.id);
      const principal = await permissions.principalOf(profile.id, connection);
      const refusal = principal.refusal('connectors:write');
      if (refusal !== null || connection.kind !== 'ops-api') throw new Error(`Cannot test connection ${id} with '${profile.name}': ${refusal}.`);
      const entry = { at: new Date(clock()).toISOString(), who: principal.who, profile: profile.name, environment: profile.environment, what: `Test connection ${id}` };
      // A test changes nothing on the platform, so a request retried after a 503 is harmless; the key says so.
      const result = await loggedAction(
        log,
        entry,
        () => createOpsApiClient(connection).call('testConnection', { path: { id }, idempotencyKey: randomUUID() }),
        (tested) => ({ result: tested.ok ? `Connected in ${tested.latency_ms} ms` : `Not connected: ${tested.error ?? 'no reason given'}`, ok: tested.ok }),
      );
      return { ok: result.ok, latencyMs: result.latency_ms, error: result.error, testedAt: new Date(clock()).toISOString() };
    },
  };
}
