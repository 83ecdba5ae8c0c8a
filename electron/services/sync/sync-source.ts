import type { Clock } from '../../../shared/clock.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { openQueueSource } from '../queues/open-queue-source.ts';
import type { QueueSource } from '../queues/queue-source.ts';

/** What a profile syncs from: an Ops API platform (everything), or BullMQ on Redis (queues only). */
export type SyncSource = { kind: 'ops-api'; client: OpsApiClient } | { kind: 'bullmq'; queues: QueueSource };

export function openSyncSource(connection: ProfileConnection, clock: Clock): SyncSource {
  if (connection.kind === 'ops-api') return { kind: 'ops-api', client: createOpsApiClient(connection) };
  return { kind: 'bullmq', queues: openQueueSource(connection, clock) };
}
