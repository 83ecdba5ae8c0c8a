import type { ConnectionLateness, ConnectionRow } from '../../../shared/console-api/index.ts';
import type { Connection } from '../../../shared/ops-api/index.ts';

export interface LatenessInput {
  status: ConnectionRow['status'];
  lastSyncAt: number | null;
  lastSuccessAt: number | null;
  syncIntervalS: number;
}

/**
 * Airbyte's late and error lines: a success is expected one sync interval after the last one;
 * late once none came for more than one further interval past that, stale past two. A paused
 * connection is not expected to sync; one that never synced has nothing to be late against, and
 * one that synced but never succeeded has never delivered: stale.
 */
export function connectionLateness({ status, lastSyncAt, lastSuccessAt, syncIntervalS }: LatenessInput, now: number): ConnectionLateness {
  if (status === 'paused') return null;
  if (lastSuccessAt === null) return lastSyncAt === null ? null : 'stale';
  const intervalMs = syncIntervalS * 1_000;
  const pastExpected = now - (lastSuccessAt + intervalMs);
  if (pastExpected > 2 * intervalMs) return 'stale';
  if (pastExpected > intervalMs) return 'late';
  return 'on-time';
}

/** The lateness of a connection as the platform reports it. */
export function latenessOf(connection: Connection, now: number): ConnectionLateness {
  const ms = (at: string | null) => (at === null ? null : Date.parse(at));
  return connectionLateness({ status: connection.status, lastSyncAt: ms(connection.last_sync_at), lastSuccessAt: ms(connection.last_success_at), syncIntervalS: connection.sync_interval_s }, now);
}
