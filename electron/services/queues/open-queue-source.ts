import type { Clock } from '../../../shared/clock.ts';
import { createOpsApiClient } from '../ops-api/ops-api-client.ts';
import type { ProfileConnection } from '../profiles/profile-connection.ts';
import { createBullmqQueueSource } from './bullmq/bullmq-queue-source.ts';
import { createOpsApiQueueSource } from './ops-api-queue-source.ts';
import type { QueueSource } from './queue-source.ts';

/** The queues a profile connects to, whatever its kind. */
export function openQueueSource(connection: ProfileConnection, clock: Clock): QueueSource {
  if (connection.kind === 'ops-api') return createOpsApiQueueSource(createOpsApiClient(connection));
  return createBullmqQueueSource({ url: connection.url, prefix: connection.prefix, tls: connection.tls, password: connection.password, clock });
}
