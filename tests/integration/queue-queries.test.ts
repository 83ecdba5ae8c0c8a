// Queue health read from a cache the real sync filled from the reference platform.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemClock } from '../../shared/clock.ts';
import { defaultSettings } from '../../shared/console-api/index.ts';
import { queueList } from '../../shared/ops-api/index.ts';
import { failureGroupOf } from '../../shared/queues/failure-reason.ts';
import { failedJob, failedJobs, failureGroups } from '../../electron/services/queues/failed-jobs.ts';
import type { FailedJobsQuery } from '../../electron/services/queues/failed-jobs.ts';
import { queueHistory } from '../../electron/services/queues/queue-history.ts';
import { queueSummaries } from '../../electron/services/queues/queue-summaries.ts';
import { readerProtocol } from '../../electron/services/reader/reader-protocol.ts';
import { createOpsApiClient } from '../../electron/services/ops-api/ops-api-client.ts';
import { createSyncLoop } from '../../electron/services/sync/sync-loop.ts';
import { defaultSchedule } from '../../electron/services/sync/sync-schedule.ts';
import { startWorkerClient } from '../../electron/services/workers/rpc/worker-client.ts';
import { sourceWorkerPaths } from '../../electron/services/workers/start-worker.ts';
import { makeCacheDb } from '../fixtures/cache-db.ts';
import { startTestPlatform } from '../fixtures/platform.ts';
import type { TestPlatform } from '../fixtures/platform.ts';

let platform: TestPlatform;
let cache: ReturnType<typeof makeCacheDb>;

beforeAll(async () => {
  platform = await startTestPlatform({ tenants: 10, events: 2_000 });
  cache = makeCacheDb();
  const client = createOpsApiClient({ baseUrl: platform.url, token: platform.tokens.full, timeoutMs: 10_000, proxyUrl: null, caFile: null });
  const failures = await createSyncLoop({ db: cache.db, source: { kind: 'ops-api', client }, post: () => {}, signal: new AbortController().signal, schedule: defaultSchedule, clock: systemClock }).runOnce();
  expect(failures).toEqual([]);
}, 60_000);
afterAll(async () => {
  cache.remove();
  await platform.stop();
});

const summaries = () => queueSummaries(cache.db, defaultSettings.queueAlerts);

describe('queue summaries', () => {
  it('show exactly the counts the platform reports, most troubled first, with an hour of depth', async () => {
    const reported = queueList.parse(await (await platform.get('/v1/queues')).json()).data;
        expect(summaries().map((queue) => queue.name).sort()).toEqual(reported.map((queue) => queue.name).sort());
    for (const queue of reported) {
      const summary = summaries().find((candidate) => candidate.name === queue.name)!;
      expect(summary.counts).toEqual(queue.counts);
      expect(summary.workers).toBe(queue.workers);
      // The oldest waiting job aged between the sync's sample and this one.
      const aged = Date.parse(queue.sampled_at) - Date.parse(summary.sampledAt);
      expect(summary.oldestWaitingAgeMs === null ? null : summary.oldestWaitingAgeMs + aged).toBe(queue.oldest_waiting_age_ms);
      expect(summary.sparkline.length).toBeGreaterThanOrEqual(55);
    }
    const trouble = summaries().map((queue) => queue.flags.length);
    expect(trouble).toEqual([...trouble].sort((a, b) => b - a));
  });
});

describe('queue history', () => {
  it('reads a week at hourly steps and the last hour at 10- or 60-second steps', () => {
    const to = Date.now();
    const week = queueHistory(cache.db, 'email-sending', to - 7 * 86_400_000, to, 400);
    expect(week.stepMs).toBe(3_600_000);
    expect(week.points.length).toBeGreaterThanOrEqual(7 * 24 - 2);
    expect(week.points.every((point, index) => index === 0 || point.at - week.points[index - 1]!.at >= 3_600_000)).toBe(true);
    const hour = queueHistory(cache.db, 'email-sending', to - 3_600_000, to, 400);
    expect(hour.stepMs).toBe(10_000);
    expect(hour.points.length).toBeGreaterThan(50);
  });
});

describe('failed jobs', () => {
  const queue = 'webhook-delivery';
  const walk = (input: Pick<FailedJobsQuery, 'group' | 'q'>) => {
    const ids: string[] = [];
    let after: FailedJobsQuery['after'] | null = null;
    do {
      const page = failedJobs(cache.db, { queue, limit: 7, ...input, ...(after === null ? {} : { after }) });
      ids.push(...page.jobs.map((job) => job.id));
      after = page.next;
    } while (after !== null);
    return ids;
  };

  it('group by normalised reason, the groups adding up to every cached failed job', () => {
    const cached = cache.db.prepare('SELECT id, failed_reason AS reason FROM failed_jobs WHERE queue = ?').all(queue) as Array<{ id: string; reason: string | null }>;
    const { groups, total } = failureGroups(cache.db, queue);
    expect(total).toBe(cached.length);
    expect(groups.reduce((sum, group) => sum + group.count, 0)).toBe(cached.length);
    for (const group of groups) {
      expect(failureGroupOf(group.example)).toBe(group.reason);
      expect(group.count).toBe(cached.filter((job) => failureGroupOf(job.reason) === group.reason).length);
      expect(group.exampleIds.length).toBe(Math.min(3, group.count));
    }
  });

  it('page newest first with no job twice or missing, within a group too', () => {
    const all = walk({});
    expect(new Set(all).size).toBe(all.length);
    expect(all.length).toBe(cache.db.prepare('SELECT count(*) FROM failed_jobs WHERE queue = ?').pluck().get(queue));
    const { groups } = failureGroups(cache.db, queue);
    expect(walk({ group: groups[0]!.reason }).length).toBe(groups[0]!.count);
  });

  it('are found by the words of their data, offline', () => {
    const job = JSON.parse(cache.db.prepare('SELECT raw FROM failed_jobs WHERE queue = ? LIMIT 1').pluck().get(queue) as string) as { id: string; data: Record<string, unknown> };
    const word = String(Object.values(job.data).find((value) => typeof value === 'string' && /^[\w.:/-]{4,}$/.test(value)) ?? job.id);
    const found = walk({ q: word });
    expect(found).toContain(job.id);
    const raws = found.map((id) => cache.db.prepare('SELECT raw FROM failed_jobs WHERE queue = ? AND id = ?').pluck().get(queue, id) as string);
    for (const part of word.match(/[\p{L}\p{N}_]+/gu)!) expect(raws.every((raw) => raw.toLowerCase().includes(part.toLowerCase()))).toBe(true);
  });

  it('open whole from the cache, and a missing one is named', () => {
    const [id] = walk({});
    expect(failedJob(cache.db, queue, id!)).toMatchObject({ id, queue, state: 'failed' });
    expect(() => failedJob(cache.db, queue, 'job_gone')).toThrow('No cached failed job job_gone in webhook-delivery');
  });
});

it('the reader thread answers the queue queries over the same cache', async () => {
  const reader = startWorkerClient(readerProtocol, sourceWorkerPaths, { dbPath: cache.path });
  try {
    const summaries = await reader.call('queues.summaries', { alerts: defaultSettings.queueAlerts });
    expect(summaries.map((queue) => queue.name).sort()).toEqual(queueSummaries(cache.db, defaultSettings.queueAlerts).map((queue) => queue.name).sort());
  } finally {
    await reader.close();
  }
});
