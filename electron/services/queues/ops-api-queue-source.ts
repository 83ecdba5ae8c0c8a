import type { QueueAction } from '../../../shared/console-api/index.ts';
import type { JobState } from '../../../shared/ops-api/index.ts';
import type { OpsApiClient } from '../ops-api/ops-api-client.ts';
import { allPages } from '../sync/all-pages.ts';
import { runOpsApiQueueAction } from './ops-api-queue-actions.ts';
import type { QueueSource } from './queue-source.ts';

/** Queue health from an Ops API platform: what it reports, as it reports it. */
export function createOpsApiQueueSource(client: OpsApiClient): QueueSource {
  return {
    listQueues: async () => (await client.call('listQueues')).data,
    failedJobs: (queue, max) => allPages((cursor) => client.call('listJobs', { path: { name: queue }, query: { state: 'failed', limit: Math.min(max, 1_000), cursor } }), max),
    async jobs(queue: string, state: JobState, cursor: string | null, limit: number) {
      const page = await client.call('listJobs', { path: { name: queue }, query: { state, limit, ...(cursor === null ? {} : { cursor }) } });
      return { jobs: page.data, next: page.next_cursor };
    },
    async history(queue, from, to, stepS) {
      const query = { from: new Date(from).toISOString(), to: new Date(to).toISOString(), step_s: stepS };
      return (await client.call('getQueueMetrics', { path: { name: queue }, query })).points;
    },
    act: (action: QueueAction, key: string) => runOpsApiQueueAction(client, action, key),
    close: async () => {},
  };
}
