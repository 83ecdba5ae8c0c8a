import { randomUUID } from 'node:crypto';
import type { Clock } from '../../../shared/clock.ts';
import type { ConsoleHandlers } from '../../../shared/console-api/index.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import type { ActiveProfile, ProfilePermissions } from '../profiles/profile-permissions.ts';

type TestHandlers = Pick<ConsoleHandlers, 'connectors/capabilities' | 'connectors/test'>;

export interface ConnectionTestsOptions {
  activeProfile(): ActiveProfile | null;
  connectionFor(profileId: string): Promise<ProfileConnection>;
  permissions: ProfilePermissions;
  clock: Clock;
}

/** "Test connection": live on the active profile's platform, offered with connectors:write. */
export function createConnectionTests({ activeProfile, connectionFor, permissions, clock }: ConnectionTestsOptions): TestHandlers {
  return {
    'connectors/capabilities': () => permissions.capabilities('connectors:write'),
    'connectors/test': async ({ id }) => {
      const profile = activeProfile();
      if (profile === null) throw new Error(`Cannot test connection ${id}: no platform profile is active.`);
      const connection = await connectionFor(profile.id);
      const refusal = (await permissions.principalOf(profile.id, connection)).refusal('connectors:write');
      if (refusal !== null || connection.kind !== 'ops-api') throw new Error(`Cannot test connection ${id} with '${profile.name}': ${refusal}.`);
      try {
        // A test changes nothing on the platform, so a request retried after a 503 is harmless; the key says so.
        const result = await createOpsApiClient(connection).call('testConnection', { path: { id }, idempotencyKey: randomUUID() });
        return { ok: result.ok, latencyMs: result.latency_ms, error: result.error, testedAt: new Date(clock()).toISOString() };
      } catch (error) {
        throw new Error(`Testing connection ${id} failed: ${(error as Error).message}`, { cause: error });
      }
    },
  };
}
