import type { ConsoleHandlers, QueueAlertSettings, SourceId } from '../../../shared/console-api/index.ts';
import type { SourceReader, SourceReaders } from '../reader/source-readers.ts';

type QueueHandlers = Pick<ConsoleHandlers, 'queues/overview' | 'queues/history' | 'queues/failure-groups' | 'queues/failed-jobs' | 'queues/job' | 'queues/group-job-ids'>;

export interface QueueHandlersOptions {
  readers: SourceReaders;
  /** The active profile's cache; null without a profile. */
  activeCache(): SourceId | null;
  alertSettings(): QueueAlertSettings;
}

/** Queue health from the active profile's cache, read on its reader thread: it works offline. */
export function createQueueHandlers({ readers, activeCache, alertSettings }: QueueHandlersOptions): QueueHandlers {
  const reader = async (): Promise<SourceReader | null> => {
    const id = activeCache();
    return id === null ? null : readers.reader(id);
  };
  const required = async (): Promise<SourceReader> => {
    const found = await reader();
    if (found === null) throw new Error('No queue data is cached yet: connect a platform profile and let it sync.');
    return found;
  };
  return {
    'queues/overview': async () => ({ queues: (await (await reader())?.call('queues.summaries', { alerts: alertSettings() })) ?? [] }),
    'queues/history': async (input) => (await reader())?.call('queues.history', input) ?? { stepMs: 10_000, points: [] },
    'queues/failure-groups': async (input) => (await reader())?.call('queues.failureGroups', input) ?? { groups: [], total: 0 },
    'queues/failed-jobs': async (input) => (await reader())?.call('queues.failedJobs', input) ?? { jobs: [], next: null },
    'queues/job': async (input) => (await required()).call('queues.job', input),
    'queues/group-job-ids': async (input) => ({ ids: await (await required()).call('queues.groupJobIds', input) }),
  };
}
